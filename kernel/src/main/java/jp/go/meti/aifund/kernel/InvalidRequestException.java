package jp.go.meti.aifund.kernel;

/** A field of the request breaks a rule that Bean Validation cannot express. */
public final class InvalidRequestException extends DomainException {

    private final String field;
    private final String reason;

    public InvalidRequestException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
