package jp.go.meti.aifund.kernel;

public final class FourEyesViolationException extends DomainException {

    public FourEyesViolationException(Text text) {
        super(text);
    }
}
