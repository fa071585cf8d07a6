package jp.go.meti.aifund.funding.domain;

/** Where a programme is in its life: only an active one moves money, save the settlement of return orders. */
public enum ProgrammeState {
    ACTIVE,
    /** The finalized review of its last fiscal year settled it (額の確定): its years are closed. */
    CLOSED,
    /** A confirmed {@code TERMINATE} decision ended it early: open tranches cancelled, years closed. */
    TERMINATED
}
