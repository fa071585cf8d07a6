package jp.go.meti.aifund.milestone.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.milestone.aggregate.ReviewResult;

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
}
