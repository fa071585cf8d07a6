package jp.go.meti.aifund.funding.domain;

/**
 * The gate of a fiscal year's tranches on the finalized review of the year before. The first
 * fiscal year of a programme is not gated; the others open when that review passed or when a
 * recorded ministry decision overrides the gate.
 */
public enum Gate {
    NOT_GATED, CLOSED, OPEN;

    public static Gate initial(int fiscalYear, int firstFiscalYear) {
        return fiscalYear == firstFiscalYear ? NOT_GATED : CLOSED;
    }

    public boolean allowsApproval() {
        return this != CLOSED;
    }
}
