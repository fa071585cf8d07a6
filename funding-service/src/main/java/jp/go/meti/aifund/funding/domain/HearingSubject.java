package jp.go.meti.aifund.funding.domain;

/** The proposals that are adverse to a recipient and so need a hearing before they are confirmed. */
public enum HearingSubject {
    /** A ministry decision on a pullback recommendation that reduces or cancels the held tranches. */
    PULLBACK_DECISION,
    /** A {@code TERMINATE} budget decision. */
    BUDGET_DECISION,
    /** A decision on one tranche: reducing or cancelling it once approved, or ordering paid money back. */
    TRANCHE_DECISION
}
