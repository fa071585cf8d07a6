package jp.go.meti.aifund.kernel;

/** The request is well formed but the current state forbids it (a transition, a closed gate, a duplicate). */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
