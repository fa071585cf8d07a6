package jp.go.meti.aifund.kernel;

/** The caller's roles allow the kind of request, but not this one (e.g. on someone else's behalf). */
public final class NotPermittedException extends DomainException {

    public NotPermittedException(String message) {
        super(message);
    }

    /** The refusal said by a text of the bundles, in the reader's language. */
    public NotPermittedException(Text text) {
        super(text);
    }
}
