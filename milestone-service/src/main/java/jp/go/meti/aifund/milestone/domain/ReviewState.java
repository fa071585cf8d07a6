package jp.go.meti.aifund.milestone.domain;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.Text;

/**
 * The annual review's life cycle: {@code DRAFT → SUBMITTED → FINALIZED}; METI may return a
 * submitted review to draft. Results are verified while it is submitted, its values frozen. A finalized review never changes: a correction is an amendment, a new
 * revision that starts as a draft of its own.
 */
public enum ReviewState {
    DRAFT,
    SUBMITTED,
    FINALIZED;

    /** The state after {@code action}, or a refusal saying why it is not allowed now. */
    public ReviewState after(ReviewAction action) {
        ReviewState next = switch (action) {
            case RECORD_RESULT -> this == DRAFT ? DRAFT : null;
            case VERIFY -> this == SUBMITTED ? SUBMITTED : null;
            case SUBMIT -> this == DRAFT ? SUBMITTED : null;
            case RETURN -> this == SUBMITTED ? DRAFT : null;
            case FINALIZE -> this == SUBMITTED ? FINALIZED : null;
            case AMEND -> this == FINALIZED ? FINALIZED : null;
        };
        if (next == null) {
            throw ConflictException.of(this == FINALIZED ? "milestone.review.immutable" : "milestone.review.refused",
                    new Text.Noun("milestone", "state." + name()), new Text.Noun("milestone", "action." + action.name()));
        }
        return next;
    }
}
