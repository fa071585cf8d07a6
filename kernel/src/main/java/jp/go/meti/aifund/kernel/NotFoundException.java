package jp.go.meti.aifund.kernel;

public final class NotFoundException extends DomainException {

    /**
     * {@code what}: the thing's English name ("hearing"), said in Japanese by its key {@code kernel.noun.<what>};
     * {@code id} as written, a fiscal year ({@link Text#fiscalYear}) as the language says it.
     */
    public NotFoundException(String what, Object id) {
        super(new Text("kernel.not-found", new Text.Noun("kernel", what), said(id)));
    }

    /** {@code what}: a thing a module names itself, by its key {@code <module>.noun.<name>}. */
    public NotFoundException(Text.Noun what, Object id) {
        super(new Text("kernel.not-found", what, said(id)));
    }

    private static Object said(Object id) {
        return id instanceof Text.FiscalYearArg ? id : String.valueOf(id);
    }
}
