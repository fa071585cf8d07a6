package jp.go.meti.aifund.funding.domain;

public final class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
