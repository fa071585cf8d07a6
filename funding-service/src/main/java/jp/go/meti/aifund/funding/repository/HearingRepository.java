package jp.go.meti.aifund.funding.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.aggregate.Hearing;
import jp.go.meti.aifund.funding.domain.HearingState;
import jp.go.meti.aifund.kernel.NotFoundException;

@ApplicationScoped
public class HearingRepository implements PanacheRepositoryBase<Hearing, UUID> {

    public Hearing get(UUID programmeId, UUID id) {
        return find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("hearing", id));
    }

    /** The hearings under way on a proposal: one per recipient given notice. */
    public List<Hearing> underWay(UUID subjectId) {
        return list("subjectId = ?1 and state in ?2", Sort.by("noticedAt").and("id"), subjectId,
                List.of(HearingState.OPEN, HearingState.ANSWERED));
    }

    /** A programme's hearings under way, on any proposal. */
    public List<Hearing> underWayOf(UUID programmeId) {
        return list("programmeId = ?1 and state in ?2", Sort.by("noticedAt").and("id"), programmeId,
                List.of(HearingState.OPEN, HearingState.ANSWERED));
    }

    public List<Hearing> ofProgramme(UUID programmeId) {
        return list("programmeId", Sort.by("noticedAt").and("id"), programmeId);
    }
}
