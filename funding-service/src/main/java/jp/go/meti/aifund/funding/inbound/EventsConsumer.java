package jp.go.meti.aifund.funding.inbound;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.go.meti.aifund.contracts.milestone.MilestoneData;
import jp.go.meti.aifund.contracts.pullback.RecommendationData;
import jp.go.meti.aifund.contracts.review.ReviewData;
import jp.go.meti.aifund.funding.service.MilestoneCopies;
import jp.go.meti.aifund.funding.service.ProgrammeEnds;
import jp.go.meti.aifund.funding.service.Pullbacks;
import jp.go.meti.aifund.funding.service.ResultSettlements;
import jp.go.meti.aifund.funding.service.ReviewGates;
import jp.go.meti.aifund.platform.messaging.EventConsumer;

/**
 * Finalized reviews (they open the next year's gate, fix what result-linked tranches earned, and the
 * last year's settles the programme),
 * milestone definitions (what such a tranche may name) and pullback recommendations (they hold the
 * next year's tranches), one record at a time in partition order. A record that cannot be read goes
 * to {@code aifund.funding-service.dlq.v1} with the reason, and consumption moves on.
 */
@ApplicationScoped
public class EventsConsumer {

    private final EventConsumer consumer;
    private final ReviewGates gates;
    private final ResultSettlements settlements;
    private final ProgrammeEnds ends;
    private final Pullbacks pullbacks;
    private final MilestoneCopies milestones;

    public EventsConsumer(EventConsumer consumer, ReviewGates gates, ResultSettlements settlements, ProgrammeEnds ends,
            Pullbacks pullbacks, MilestoneCopies milestones) {
        this.consumer = consumer;
        this.ends = ends;
        this.gates = gates;
        this.settlements = settlements;
        this.pullbacks = pullbacks;
        this.milestones = milestones;
    }

    @Incoming("reviews")
    @Blocking
    public void review(ConsumerRecord<String, String> record) {
        consumer.consume(record.key(), record.value(), Set.of(ReviewGates.FINALIZED, ReviewGates.AMENDED), event -> {
            ReviewData review = event.data(ReviewData.class);
            gates.apply(review);
            settlements.apply(review);
            ends.settleFinal(review);
        });
    }

    @Incoming("milestones")
    @Blocking
    public void milestone(ConsumerRecord<String, String> record) {
        consumer.consume(record.key(), record.value(), Set.of(MilestoneCopies.DEFINED, MilestoneCopies.REMOVED),
                event -> milestones.apply(event.type(), event.data(MilestoneData.class)));
    }

    @Incoming("recommendations")
    @Blocking
    public void recommendation(ConsumerRecord<String, String> record) {
        consumer.consume(record.key(), record.value(), Set.of(Pullbacks.RECOMMENDED),
                event -> pullbacks.hold(event.data(RecommendationData.class)));
    }
}
