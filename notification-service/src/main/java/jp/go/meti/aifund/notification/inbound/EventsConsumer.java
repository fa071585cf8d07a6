package jp.go.meti.aifund.notification.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.go.meti.aifund.notification.service.ProgrammeHandler;
import jp.go.meti.aifund.notification.service.ReviewHandler;
import jp.go.meti.aifund.notification.service.TrancheHandler;
import jp.go.meti.aifund.platform.messaging.EventConsumer;

/**
 * The review, tranche and programme topics, a poll's records at a time in partition order, each poll in one
 * transaction (one event at a time, a replay of a million events would take half an hour). A
 * record that cannot be read or applied goes to {@code aifund.notification-service.dlq.v1} with
 * the reason ({@link DeadLetters}), and consumption moves on.
 */
@ApplicationScoped
public class EventsConsumer {

    public static final String REVIEWS = "reviews";
    public static final String TRANCHES = "tranches";
    public static final String PROGRAMMES = "programmes";
    private static final Set<String> REVIEW_TYPES = Set.of(ReviewHandler.SUBMITTED, ReviewHandler.FINALIZED,
            ReviewHandler.AMENDED);
    private static final Set<String> TRANCHE_TYPES = Set.of("planned", "approved", "disbursed", "held", "released",
            "reduced", "cancelled", "recovered", "earned", "rolled-over", "lapsed", "overpaid", "reinstated").stream().map(c -> "jp.go.meti.aifund.tranche." + c + ".v1")
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Set<String> PROGRAMME_TYPES = Set.copyOf(ProgrammeHandler.TYPES);

    private final EventConsumer consumer;
    private final ReviewHandler reviews;
    private final TrancheHandler tranches;
    private final ProgrammeHandler programmes;
    private final DeadLetters deadLetters;

    public EventsConsumer(EventConsumer consumer, ReviewHandler reviews, TrancheHandler tranches,
            ProgrammeHandler programmes, DeadLetters deadLetters) {
        this.consumer = consumer;
        this.reviews = reviews;
        this.tranches = tranches;
        this.programmes = programmes;
        this.deadLetters = deadLetters;
    }

    @Incoming(REVIEWS)
    @Blocking
    public void reviews(ConsumerRecords<String, String> records) {
        consumer.consumeEach(list(records), REVIEW_TYPES, reviews::apply, deadLetters::send);
    }

    @Incoming(TRANCHES)
    @Blocking
    public void tranches(ConsumerRecords<String, String> records) {
        consumer.consumeAll(list(records), TRANCHE_TYPES, tranches::applyAll, deadLetters::send);
    }

    @Incoming(PROGRAMMES)
    @Blocking
    public void programmes(ConsumerRecords<String, String> records) {
        consumer.consumeAll(list(records), PROGRAMME_TYPES, programmes::applyAll, deadLetters::send);
    }

    private static List<ConsumerRecord<String, String>> list(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }
}
