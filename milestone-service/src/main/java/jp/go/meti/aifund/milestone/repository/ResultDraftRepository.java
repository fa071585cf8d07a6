package jp.go.meti.aifund.milestone.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.milestone.aggregate.ResultDraft;

@ApplicationScoped
public class ResultDraftRepository implements PanacheRepositoryBase<ResultDraft, UUID> {

    public List<ResultDraft> ofReview(UUID reviewId) {
        return list("reviewId", Sort.by("draftedAt").and("id"), reviewId);
    }

    public Optional<ResultDraft> of(UUID reviewId, UUID milestoneId) {
        return find("reviewId = ?1 and milestoneId = ?2", reviewId, milestoneId).firstResultOptional();
    }
}
