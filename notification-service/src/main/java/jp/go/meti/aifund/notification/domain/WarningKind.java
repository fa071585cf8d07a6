package jp.go.meti.aifund.notification.domain;

/** What a warning is about, and how serious that kind is. */
public enum WarningKind {
    /** A critical milestone was missed: hold and reduce the next year's gated tranches. */
    PULLBACK_RECOMMENDED(Severity.CRITICAL),
    /** Two fiscal years in a row failed their review. */
    TERMINATION_REVIEW(Severity.CRITICAL),
    /** The review passed only conditionally. */
    WATCH(Severity.WARNING),
    /** A review is past its due date without being finalized. */
    REVIEW_OVERDUE(Severity.WARNING),
    /** A review is due soon and not finalized. */
    REVIEW_DUE_SOON(Severity.INFO),
    /** The programme's headroom fell under the configured share of its ceiling. */
    CEILING_NEAR(Severity.WARNING),
    /** A webhook delivery has been failing for longer than the configured threshold. */
    WEBHOOK_STALLED(Severity.WARNING),
    /** A goal's latest finalized result, kept at its ratio to plan, misses the goal's final threshold. */
    GOAL_OFF_TRACK(Severity.WARNING),
    /**
     * Notice of an adverse proposal (a reduction, cancellation or termination): the recipient may answer
     * by a day, after which the decision may be confirmed without its answer.
     */
    HEARING_NOTICE(Severity.CRITICAL),
    /** The recipient objected to a decision confirmed after its hearing: another official is to rule on it. */
    OBJECTION_FILED(Severity.WARNING);

    private final Severity severity;

    WarningKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
