package jp.go.meti.aifund.funding.inbound;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.go.meti.aifund.contracts.pullback.RecommendationData;
import jp.go.meti.aifund.contracts.review.ReviewData;
import jp.go.meti.aifund.funding.service.Pullbacks;
import jp.go.meti.aifund.funding.service.ReviewGates;
import jp.go.meti.aifund.platform.messaging.EventConsumer;

/**
 * Finalized reviews (they open the next year's gate) and pullback recommendations (they hold the
 * next year's tranches), one record at a time in partition order. A record that cannot be read goes
 * to {@code aifund.funding-service.dlq.v1} with the reason, and consumption moves on.
 */
@ApplicationScoped
public class EventsConsumer {

    private final EventConsumer consumer;
    private final ReviewGates gates;
    private final Pullbacks pullbacks;

    public EventsConsumer(EventConsumer consumer, ReviewGates gates, Pullbacks pullbacks) {
        this.consumer = consumer;
        this.gates = gates;
        this.pullbacks = pullbacks;
    }

    @Incoming("reviews")
    @Blocking
    public void review(ConsumerRecord<String, String> record) {
        consumer.consume(record.key(), record.value(), Set.of(ReviewGates.FINALIZED, ReviewGates.AMENDED), event -> gates.apply(event.data(ReviewData.class)));
    }

    @Incoming("recommendations")
    @Blocking
    public void recommendation(ConsumerRecord<String, String> record) {
        consumer.consume(record.key(), record.value(), Set.of(Pullbacks.RECOMMENDED),
                event -> pullbacks.hold(event.data(RecommendationData.class)));
    }
}
