package jp.go.meti.aifund.funding.domain;

/** What a ledger entry records. */
public enum LedgerKind {
    PROGRAMME_CREATED, ENVELOPE_SET, GATE_OVERRIDDEN, TRANCHE_PLANNED,
    TRANCHE_APPROVED, TRANCHE_DISBURSED, TRANCHE_HELD, TRANCHE_RELEASED,
    TRANCHE_REDUCED, TRANCHE_CANCELLED, TRANCHE_RECOVERED,
    /** A result fixed what a result-linked tranche earned: the amount it may be approved for. */
    TRANCHE_EARNED,
    /** The unearned part of a result-linked allocation moved to the goal's next checkpoint. */
    TRANCHE_ROLLED_OVER,
    /** The unearned part of a result-linked allocation that does not roll over: it never leaves the headroom. */
    TRANCHE_LAPSED,
    /** An amended result earned less than was already paid: the difference is to be recovered. */
    TRANCHE_OVERPAID
}
