package jp.go.meti.aifund.funding.domain;

/** The ministry's budget decisions, each proposed by one METI official and confirmed by another. */
public enum BudgetDecisionKind {
    /** 繰越: part of a year's money, or named approved tranches, moves to the next fiscal year. */
    CARRY_OVER,
    /** A supplementary budget raises the ceiling, or a cut lowers it. */
    CEILING_AMENDMENT,
    /** Money returned to the treasury (国庫返納) is made spendable again in a year's envelope, within the ceiling. */
    REAPPROPRIATION,
    /** The programme ends early on its grounds ({@link TerminationGrounds}). */
    TERMINATE
}
