package jp.go.meti.aifund.platform.domain;

public final class FourEyesViolationException extends DomainException {

    public FourEyesViolationException(String message) {
        super(message);
    }
}
