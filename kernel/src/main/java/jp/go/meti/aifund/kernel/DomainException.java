package jp.go.meti.aifund.kernel;

/** A request the rules refuse. Each subclass is one family of problem, mapped to one HTTP status. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
