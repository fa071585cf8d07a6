package jp.go.meti.aifund.kernel;

public final class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
