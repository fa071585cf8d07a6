package jp.go.meti.aifund.milestone.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.milestone.aggregate.Milestone;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepositoryBase<Milestone, UUID> {

    public Milestone get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundException("milestone", id));
    }

    /** Locked until the transaction ends, so two edits of one version cannot both make a new one. */
    public Milestone lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("milestone", id));
    }

    /** The current version of each milestone of a fiscal year, by code. */
    public List<Milestone> current(UUID programmeId, int fiscalYear) {
        return list("programmeId = ?1 and fiscalYear = ?2 and supersededBy is null", Sort.by("code"), programmeId,
                fiscalYear);
    }

    /** Every version, current and superseded, by code and version. */
    public List<Milestone> allVersions(UUID programmeId, int fiscalYear) {
        return list("programmeId = ?1 and fiscalYear = ?2", Sort.by("code").and("version"), programmeId, fiscalYear);
    }

    /** The (programme, fiscal year) pairs that have milestones: each owes a review. */
    public List<Object[]> yearsWithMilestones() {
        return getEntityManager().createQuery("SELECT DISTINCT m.programmeId, m.fiscalYear FROM Milestone m "
                + "ORDER BY m.fiscalYear, m.programmeId", Object[].class).getResultList();
    }
}
