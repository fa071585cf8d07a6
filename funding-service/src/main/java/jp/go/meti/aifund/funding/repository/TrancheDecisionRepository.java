package jp.go.meti.aifund.funding.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.aggregate.TrancheDecision;
import jp.go.meti.aifund.funding.domain.TrancheDecisionState;
import jp.go.meti.aifund.kernel.NotFoundException;

@ApplicationScoped
public class TrancheDecisionRepository implements PanacheRepositoryBase<TrancheDecision, UUID> {

    /** A decision on the tranche, or 404 as if it did not exist when it is another tranche's. */
    public TrancheDecision get(UUID programmeId, UUID trancheId, UUID id) {
        return find("programmeId = ?1 and trancheId = ?2 and id = ?3", programmeId, trancheId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("tranche decision", id));
    }

    public List<TrancheDecision> ofTranche(UUID programmeId, UUID trancheId) {
        return list("programmeId = ?1 and trancheId = ?2", Sort.by("proposedAt").and("id"), programmeId, trancheId);
    }

    public Optional<TrancheDecision> pending(UUID trancheId) {
        return find("trancheId = ?1 and state = ?2", trancheId, TrancheDecisionState.PROPOSED).firstResultOptional();
    }

    /** The programme's decisions awaiting confirmation. */
    public List<TrancheDecision> pendingOf(UUID programmeId) {
        return list("programmeId = ?1 and state = ?2", programmeId, TrancheDecisionState.PROPOSED);
    }

    public TrancheDecision byId(UUID programmeId, UUID id) {
        return find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("tranche decision", id));
    }
}
