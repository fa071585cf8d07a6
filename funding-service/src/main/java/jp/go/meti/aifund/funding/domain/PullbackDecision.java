package jp.go.meti.aifund.funding.domain;

/** What the ministry may decide on a pullback recommendation. */
public enum PullbackDecision {
    /** End the hold: the tranches return to where they were. */
    LIFT,
    /** Reduce the held tranches by the recommended amount, split across them by amount. */
    REDUCE_BY_RECOMMENDATION,
    /** Reduce the held tranches by a decided amount, split across them by amount. */
    REDUCE_BY_AMOUNT,
    /** Cancel the held tranches. */
    CANCEL
}
