package jp.go.meti.aifund.milestone.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.milestone.domain.ReviewState;

@ApplicationScoped
public class ResultRepository implements PanacheRepositoryBase<ReviewResult, UUID> {

    public List<ReviewResult> ofReview(UUID reviewId) {
        return list("reviewId", Sort.by("recordedAt").and("id"), reviewId);
    }

    public Optional<ReviewResult> of(UUID reviewId, UUID milestoneId) {
        return find("reviewId = ?1 and milestoneId = ?2", reviewId, milestoneId).firstResultOptional();
    }

    /** Whether any review, of any state, holds a result for this milestone version. */
    public boolean anyFor(UUID milestoneId) {
        return count("milestoneId", milestoneId) > 0;
    }

    /** A result that stands: of a finalized review no amendment replaced, against a milestone of that year. */
    public record Standing(int fiscalYear, UUID reviewId, UUID milestoneId, BigDecimal actual, LocalDate asOf) {
    }

    /**
     * The standing results of the milestones implementing a goal, by fiscal year: at most one a year,
     * since a year has one standing review and one current milestone per goal.
     */
    public List<Standing> standingFor(UUID goalId) {
        return getEntityManager().createQuery("SELECT new " + Standing.class.getName()
                + "(m.fiscalYear, v.id, m.id, r.measuredValue, r.asOf) FROM ReviewResult r, Milestone m, Review v "
                + "WHERE r.milestoneId = m.id AND r.reviewId = v.id AND m.implementsGoal = ?1 AND v.state = ?2 "
                + "AND v.amendedBy IS NULL ORDER BY m.fiscalYear", Standing.class)
                .setParameter(1, goalId).setParameter(2, ReviewState.FINALIZED).getResultList();
    }
}
