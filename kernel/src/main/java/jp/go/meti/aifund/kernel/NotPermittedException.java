package jp.go.meti.aifund.kernel;

/** The caller's roles allow the kind of request, but not this one (e.g. on someone else's behalf). */
public final class NotPermittedException extends DomainException {

    public NotPermittedException(String message) {
        super(message);
    }
}
