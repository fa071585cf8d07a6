package jp.go.meti.aifund.kernel;

/** The request is well formed but the current state forbids it (a transition, a closed gate, a duplicate). */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(Text text) {
        super(text);
    }

    /** The refusal said by the text {@code key} of the bundles, with {@code args}. */
    public static ConflictException of(String key, Object... args) {
        return new ConflictException(new Text(key, args));
    }
}
