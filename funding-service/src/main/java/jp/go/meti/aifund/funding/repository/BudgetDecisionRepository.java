package jp.go.meti.aifund.funding.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.aggregate.BudgetDecision;
import jp.go.meti.aifund.funding.domain.BudgetDecisionKind;
import jp.go.meti.aifund.funding.domain.ProposalState;
import jp.go.meti.aifund.kernel.NotFoundException;

@ApplicationScoped
public class BudgetDecisionRepository implements PanacheRepositoryBase<BudgetDecision, UUID> {

    public BudgetDecision get(UUID programmeId, UUID id) {
        return find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("budget decision", id));
    }

    public List<BudgetDecision> ofProgramme(UUID programmeId) {
        return list("programmeId", Sort.by("proposedAt").and("id"), programmeId);
    }

    public boolean pending(UUID programmeId, BudgetDecisionKind kind) {
        return count("programmeId = ?1 and kind = ?2 and state = ?3", programmeId, kind, ProposalState.PROPOSED) > 0;
    }

    /** A carry-over of the year awaiting its decision: the year cannot close meanwhile. */
    public boolean carryOverPending(UUID programmeId, int fiscalYear) {
        return count("programmeId = ?1 and kind = ?2 and state = ?3 and fiscalYear = ?4", programmeId,
                BudgetDecisionKind.CARRY_OVER, ProposalState.PROPOSED, fiscalYear) > 0;
    }
}
