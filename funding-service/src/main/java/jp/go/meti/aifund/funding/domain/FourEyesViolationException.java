package jp.go.meti.aifund.funding.domain;

public final class FourEyesViolationException extends DomainException {

    public FourEyesViolationException(String message) {
        super(message);
    }
}
