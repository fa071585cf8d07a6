package jp.go.meti.aifund.notification.outbound;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.notification.config.NotificationConfig;
import jp.go.meti.aifund.kernel.LargestRemainder.Part;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Reduction;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.notification.aggregate.Warning;
import jp.go.meti.aifund.platform.messaging.CloudEvent;
import jp.go.meti.aifund.platform.messaging.Outbox;

/**
 * Publishes a pullback recommendation, {@code jp.go.meti.aifund.pullback.recommended.v1}, through
 * the outbox in the transaction of its warning: funding-service holds the affected tranches on it.
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

    public record Recommendation(UUID recommendationId, UUID programmeId, UUID reviewId, int reviewedFiscalYear,
            int affectedFiscalYear, int scoreBasisPoints, Ratio score, List<String> criticalMissed, long plannedAmount,
            long recommendedReduction, List<Part> parts, Long estimateAsOfLedgerEntryId, String policyVersion,
            List<String> causeEventIds) {
    }

    /**
     * The recommendation's id is its warning's. Its amounts are an estimate from this service's copy
     * as of ledger entry {@code copyPosition}: funding-service acts on the review, year, policy and score.
     */
    public void recommend(Warning warning, UUID reviewId, List<String> criticalMissed, Reduction reduction,
            Long copyPosition) {
        Recommendation data = new Recommendation(warning.id, warning.programmeId, reviewId,
                reduction.reviewedFiscalYear(), reduction.affectedFiscalYear(),
                reduction.scoreBasisPoints(), reduction.score(),
                criticalMissed, reduction.plannedAmount(), reduction.amount(), reduction.parts(), copyPosition,
                warning.policyVersion,
                List.of(warning.causeEventIds.split(",")));
        outbox.add(config.recommendationTopic(), CloudEvent.of(config.eventSource(), RECOMMENDED,
                "recommendation/" + warning.id, config.schemaBaseUri() + RECOMMENDED + ".schema.json",
                warning.programmeId.toString(), Instant.now(), data));
    }
}
