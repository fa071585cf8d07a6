package jp.go.meti.aifund.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.go.meti.aifund.notification.service.ReviewHandler;
import jp.go.meti.aifund.notification.service.TrancheHandler;
import jp.go.meti.aifund.platform.messaging.EventConsumer;

/**
 * The review and tranche topics, one record at a time in partition order. A record that cannot
 * be read goes to {@code aifund.notification-service.dlq.v1} with the reason (the channels'
 * dead-letter failure strategy), and consumption moves on.
 */
@ApplicationScoped
public class EventsConsumer {

    public static final String REVIEWS = "reviews";
    public static final String TRANCHES = "tranches";
    private static final Set<String> REVIEW_TYPES = Set.of(ReviewHandler.SUBMITTED, ReviewHandler.FINALIZED,
            ReviewHandler.AMENDED);
    private static final Set<String> TRANCHE_TYPES = Set.of("planned", "approved", "disbursed", "held", "released",
            "reduced", "cancelled", "recovered").stream().map(c -> "jp.go.meti.aifund.tranche." + c + ".v1")
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final EventConsumer consumer;
    private final ReviewHandler reviews;
    private final TrancheHandler tranches;

    public EventsConsumer(EventConsumer consumer, ReviewHandler reviews, TrancheHandler tranches) {
        this.consumer = consumer;
        this.reviews = reviews;
        this.tranches = tranches;
    }

    @Incoming(REVIEWS)
    @Blocking
    public void review(ConsumerRecord<String, String> record) {
        consumer.consume(record.key(), record.value(), REVIEW_TYPES, reviews::apply);
    }

    @Incoming(TRANCHES)
    @Blocking
    public void tranche(ConsumerRecord<String, String> record) {
        consumer.consume(record.key(), record.value(), TRANCHE_TYPES, tranches::apply);
    }
}
