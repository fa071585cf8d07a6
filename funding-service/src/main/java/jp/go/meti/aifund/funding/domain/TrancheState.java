package jp.go.meti.aifund.funding.domain;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.Text;

/**
 * The life cycle of a tranche: PLANNED → APPROVED → DISBURSED, with ON_HOLD (blocks approval and
 * disbursement), REDUCED (amount lowered by a decision; it can still be approved or paid),
 * CANCELLED, and RECOVERED (disbursed money clawed back, fully or partly); an upheld objection
 * reinstates what a decision reduced or cancelled (back to PLANNED, or APPROVED if it was).
 */
public enum TrancheState {
    PLANNED, APPROVED, DISBURSED, ON_HOLD, REDUCED, CANCELLED, RECOVERED;

    /**
     * The state after {@code action}, or a {@link ConflictException} naming why it is not allowed.
     *
     * @param approved whether the tranche has been approved (its money committed)
     * @param stateBeforeHold where a lifted hold returns to
     */
    public TrancheState after(TrancheAction action, boolean approved, TrancheState stateBeforeHold) {
        TrancheState next = switch (action) {
            case APPROVE -> (this == PLANNED || this == REDUCED) && !approved ? APPROVED : null;
            case DISBURSE -> (this == APPROVED || this == REDUCED) && approved ? DISBURSED : null;
            case HOLD -> isOpen() && this != ON_HOLD ? ON_HOLD : null;
            case RELEASE -> this == ON_HOLD ? stateBeforeHold : null;
            case REDUCE -> isOpen() ? REDUCED : null;
            case CANCEL -> isOpen() ? CANCELLED : null;
            case RECOVER -> this == DISBURSED || this == RECOVERED ? RECOVERED : null;
            // an upheld objection gives back what a decision took: only while nothing else holds or paid it
            case REINSTATE -> this == PLANNED || this == APPROVED || this == REDUCED || this == CANCELLED
                    ? approved ? APPROVED : PLANNED : null;
        };
        if (next == null) {
            throw ConflictException.of(approved ? "funding.tranche.refused-approved" : "funding.tranche.refused",
                    new Text.Noun("funding", "state." + name()), new Text.Noun("funding", "action." + action.name()));
        }
        return next;
    }

    /** Not yet paid and not cancelled: the money can still be held, reduced or cancelled. */
    public boolean isOpen() {
        return this == PLANNED || this == APPROVED || this == ON_HOLD || this == REDUCED;
    }
}
