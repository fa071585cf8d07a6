package jp.go.meti.aifund.milestone.repository;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jp.go.meti.aifund.milestone.aggregate.ResultVerification;

@ApplicationScoped
public class VerificationRepository implements PanacheRepositoryBase<ResultVerification, UUID> {

    /** The verdicts on a review's results, by result id. */
    public Map<UUID, ResultVerification> ofReview(UUID reviewId) {
        return list("reviewId", reviewId).stream().collect(Collectors.toMap(v -> v.resultId, Function.identity()));
    }
}
