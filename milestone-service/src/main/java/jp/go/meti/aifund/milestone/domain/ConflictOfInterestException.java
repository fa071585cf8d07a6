package jp.go.meti.aifund.milestone.domain;

import jp.go.meti.aifund.kernel.DomainException;
import jp.go.meti.aifund.kernel.Text;

/** A reviewer or verifier declared related to a recipient may not assess that recipient's milestones. */
public final class ConflictOfInterestException extends DomainException {

    public ConflictOfInterestException(String reviewer, String milestoneCode, String declaredReason) {
        super(new Text("milestone.conflict.related", reviewer, milestoneCode, declaredReason));
    }
}
