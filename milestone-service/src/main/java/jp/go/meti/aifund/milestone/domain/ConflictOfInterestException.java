package jp.go.meti.aifund.milestone.domain;

import jp.go.meti.aifund.kernel.DomainException;

/** A reviewer or verifier declared related to a recipient may not assess that recipient's milestones. */
public final class ConflictOfInterestException extends DomainException {

    public ConflictOfInterestException(String reviewer, String milestoneCode, String declaredReason) {
        super(reviewer + " is declared related to the recipient of milestone " + milestoneCode + " (" + declaredReason
                + ") and so cannot record, verify or finalize its result: another person must");
    }
}
