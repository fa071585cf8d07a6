package jp.go.meti.aifund.kernel;

/**
 * A conditional write ({@code If-Match}) named a version of the resource that is no longer current:
 * someone changed it since the caller read it. Nothing was changed.
 */
public final class StaleVersionException extends DomainException {

    private final String current;

    public StaleVersionException(String current) {
        super(new Text("kernel.stale-version", current));
        this.current = current;
    }

    public String current() {
        return current;
    }
}
