package jp.go.meti.aifund.kernel;

import java.util.Locale;

/** A field of the request breaks a rule that Bean Validation cannot express. */
public final class InvalidRequestException extends DomainException {

    private final String field;
    private final String reason;
    private final transient Text reasonText;

    public InvalidRequestException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
        this.reasonText = null;
    }

    /** The reason said by a text of the bundles, in the reader's language. */
    public InvalidRequestException(String field, Text reason) {
        super(field + " " + reason.in(Locale.ENGLISH));
        this.field = field;
        this.reason = reason.in(Locale.ENGLISH);
        this.reasonText = reason;
    }

    /** The same reason told of {@code requestField}: a rule checked on a field that the request's {@code requestField} feeds. */
    public InvalidRequestException about(String requestField) {
        return reasonText == null ? new InvalidRequestException(requestField, reason)
                : new InvalidRequestException(requestField, reasonText);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    public String reason(Locale locale) {
        return reasonText == null ? reason : reasonText.in(locale);
    }

    @Override
    public String message(Locale locale) {
        return field + " " + reason(locale);
    }
}
