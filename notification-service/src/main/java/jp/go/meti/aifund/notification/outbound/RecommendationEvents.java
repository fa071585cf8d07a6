package jp.go.meti.aifund.notification.outbound;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.contracts.pullback.RecommendationData;
import jp.go.meti.aifund.contracts.pullback.RecommendationPart;
import jp.go.meti.aifund.notification.aggregate.Warning;
import jp.go.meti.aifund.notification.config.NotificationConfig;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Reduction;
import jp.go.meti.aifund.platform.messaging.CloudEvent;
import jp.go.meti.aifund.platform.messaging.Outbox;

/**
 * Publishes a pullback recommendation, {@code jp.go.meti.aifund.pullback.recommended.v1}, through
 * the outbox in the transaction of its warning: funding-service holds the affected tranches on it.
 * The data is built from the type generated from its schema in contracts/.
 */
@ApplicationScoped
public class RecommendationEvents {

    public static final String RECOMMENDED = "jp.go.meti.aifund.pullback.recommended.v1";

    private final Outbox outbox;
    private final NotificationConfig config;

    public RecommendationEvents(Outbox outbox, NotificationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * The recommendation's id is its warning's. Its amounts are an estimate from this service's copy
     * as of ledger entry {@code copyPosition}: funding-service acts on the review, year, policy and score.
     */
    public void recommend(Warning warning, UUID reviewId, List<String> criticalMissed, Reduction reduction,
            Long copyPosition) {
        RecommendationData data = new RecommendationData().withRecommendationId(warning.id)
                .withProgrammeId(warning.programmeId).withReviewId(reviewId)
                .withReviewedFiscalYear((long) reduction.reviewedFiscalYear())
                .withAffectedFiscalYear((long) reduction.affectedFiscalYear())
                .withScoreBasisPoints((long) reduction.scoreBasisPoints()).withScore(reduction.score().toString())
                .withCriticalMissed(criticalMissed).withPlannedAmount(reduction.plannedAmount())
                .withRecommendedReduction(reduction.amount())
                .withParts(reduction.parts().stream().map(p -> new RecommendationPart().withRecipientId(p.recipientId())
                        .withName(p.name()).withShareBasisPoints((long) p.shareBasisPoints()).withAmount(p.amount()))
                        .toList())
                .withEstimateAsOfLedgerEntryId(copyPosition).withPolicyVersion(warning.policyVersion)
                .withCauseEventIds(Arrays.stream(warning.causeEventIds.split(",")).filter(s -> !s.isBlank())
                        .map(UUID::fromString).toList());
        outbox.add(config.recommendationTopic(), CloudEvent.of(config.eventSource(), RECOMMENDED,
                "recommendation/" + warning.id, config.schemaBaseUri() + RECOMMENDED + ".schema.json",
                warning.programmeId.toString(), Instant.now(), data));
    }
}
