package jp.go.meti.aifund.milestone.domain;

/** What people do to a review; {@link ReviewState#after} says when each is allowed. */
public enum ReviewAction {
    RECORD_RESULT("given results"),
    VERIFY("verified"),
    SUBMIT("submitted"),
    RETURN("returned to draft"),
    FINALIZE("finalized"),
    AMEND("amended");

    final String pastTense;

    ReviewAction(String pastTense) {
        this.pastTense = pastTense;
    }
}
