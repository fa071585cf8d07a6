package jp.go.meti.aifund.kernel;

import java.util.Locale;

/**
 * A request the rules refuse. Each subclass is one family of problem, mapped to one HTTP status. A
 * refusal said by a {@link Text} is said in the reader's language; the others (their message written
 * in code) are English only.
 */
public abstract class DomainException extends RuntimeException {

    private final transient Text text;

    protected DomainException(String message) {
        super(message, null, false, false);
        this.text = null;
    }

    protected DomainException(Text text) {
        super(text.in(Locale.ENGLISH), null, false, false);
        this.text = text;
    }

    /** What the refusal says in {@code locale}. */
    public String message(Locale locale) {
        return text == null ? getMessage() : text.in(locale);
    }
}
