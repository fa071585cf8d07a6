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
    TRANCHE_OVERPAID,
    /** An upheld objection gave back what a decision reduced or cancelled: committed again if it was approved. */
    TRANCHE_REINSTATED,
    /** An approved, unpaid tranche moved to the next fiscal year by a confirmed carry-over decision. */
    TRANCHE_CARRIED_OVER,
    /** A confirmed carry-over decision moved part of a year's budget to the next year's (繰越). */
    CARRIED_OVER,
    /** A fiscal year closed: what was neither committed nor carried over lapsed (不用). */
    YEAR_CLOSED,
    /** A confirmed decision raised or lowered the ceiling (a supplementary budget or a cut). */
    CEILING_AMENDED,
    /** A confirmed decision made money returned to the treasury spendable again in a year's envelope. */
    REAPPROPRIATED,
    /** The finalized review of the last fiscal year settled the programme (額の確定): it is closed. */
    PROGRAMME_CLOSED,
    /** A confirmed termination decision ended the programme. */
    PROGRAMME_TERMINATED,
    /** An upheld objection reversed a termination: a year it closed is open again, what it lapsed its budget again. */
    YEAR_REOPENED,
    /** An upheld objection reversed a termination: the programme is active again. */
    PROGRAMME_RESUMED
}
