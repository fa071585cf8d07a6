package jp.go.meti.aifund.milestone.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.milestone.aggregate.Goal;

@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    /** A goal of that programme; one of another programme is not found there either. */
    public Goal get(UUID programmeId, UUID goalId) {
        return find(programmeId, goalId).orElseThrow(() -> new NotFoundException("goal", goalId));
    }

    public Optional<Goal> find(UUID programmeId, UUID goalId) {
        return findByIdOptional(goalId).filter(g -> g.programmeId.equals(programmeId));
    }

    public PanacheQuery<Goal> ofProgramme(UUID programmeId) {
        return find("programmeId", Sort.by("code"), programmeId);
    }
}
