package jp.go.meti.aifund.platform.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.go.meti.aifund.platform.repository.TransientFailure;

/**
 * How every service consumes a record: read it against the published contract (a
 * {@link PoisonMessage} goes to the channel's dead-letter topic with its reason), skip the types
 * this consumer does not act on, counted by {@value #SKIPPED} (a type this version does not know,
 * added to the contract later, is skipped too, never dead-lettered), and apply the others in one transaction that first claims
 * the event id in the {@link Inbox}, so that a redelivery changes nothing whatever the handler
 * does. While the database is unreachable, the record is retried rather than dead-lettered: it is
 * not at fault.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final int MAX_ATTEMPTS = 60;
    /** Events read and skipped, by reason ({@code unknown-type}, {@code not-handled}) and, if published, type. */
    public static final String SKIPPED = "aifund.events.skipped";

    private final EventReader reader;
    private final Inbox inbox;
    private final RecordTraces traces;
    private final MeterRegistry registry;

    public EventConsumer(EventReader reader, Inbox inbox, RecordTraces traces, MeterRegistry registry) {
        this.reader = reader;
        this.inbox = inbox;
        this.traces = traces;
        this.registry = registry;
    }

    /** Whether to apply the event; one that is not is counted, with the type only when it is published (bounded). */
    private boolean handles(Set<String> handledTypes, IncomingEvent event) {
        if (handledTypes.contains(event.type())) {
            return true;
        }
        boolean known = reader.isPublished(event.type());
        registry.counter(SKIPPED, "reason", known ? "not-handled" : "unknown-type", "type",
                known ? event.type() : "unpublished").increment();
        if (!known) {
            LOG.infof("skipped event %s of type %s, which this version does not know", event.id(), event.type());
        }
        return false;
    }

    /** {@code handler} runs in the transaction that records the event as applied, once per event. */
    public void consume(String key, String payload, Set<String> handledTypes, Consumer<IncomingEvent> handler) {
        IncomingEvent event = reader.read(key, payload);
        if (handles(handledTypes, event)) {
            applyAll(List.of(event), events -> events.forEach(handler));
        }
    }

    /**
     * A poll's records at once, for throughput (a replay): the readable events claimed in the
     * inbox and handed to {@code handler} together, in one transaction, and the unreadable
     * records handed to {@code deadLetter} with the reason. When the transaction fails for a
     * reason that is not transient, the events are applied again one by one, so that only the
     * one at fault is dead-lettered, with the handler's reason. Order within a partition is kept.
     */
    public void consumeAll(List<ConsumerRecord<String, String>> records, Set<String> handledTypes,
            Consumer<List<IncomingEvent>> handler, BiConsumer<ConsumerRecord<String, String>, String> deadLetter) {
        consume(records, handledTypes, (events, recordOf) -> handler.accept(events), deadLetter);
    }

    /**
     * As {@link #consumeAll}, with {@code handler} called for each event in the trace of its record,
     * so that what the event causes continues that trace.
     */
    public void consumeEach(List<ConsumerRecord<String, String>> records, Set<String> handledTypes,
            Consumer<IncomingEvent> handler, BiConsumer<ConsumerRecord<String, String>, String> deadLetter) {
        consume(records, handledTypes, (events, recordOf) -> events
                .forEach(event -> traces.within(recordOf.apply(event), () -> handler.accept(event))), deadLetter);
    }

    private void consume(List<ConsumerRecord<String, String>> records, Set<String> handledTypes,
            BiConsumer<List<IncomingEvent>, Function<IncomingEvent, ConsumerRecord<String, String>>> handler,
            BiConsumer<ConsumerRecord<String, String>, String> deadLetter) {
        List<IncomingEvent> readable = new ArrayList<>(records.size());
        Map<IncomingEvent, ConsumerRecord<String, String>> recordOf = new IdentityHashMap<>(); // not hashing the JSON
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = reader.read(record.key(), record.value());
                if (handles(handledTypes, event)) {
                    readable.add(event);
                    recordOf.put(event, record);
                }
            } catch (PoisonMessage poison) {
                deadLetter.accept(record, poison.getMessage());
            }
        }
        Consumer<List<IncomingEvent>> apply = events -> handler.accept(events, recordOf::get);
        try {
            applyAll(readable, apply);
        } catch (RuntimeException batchFailed) {
            if (TransientFailure.isTransient(batchFailed)) {
                throw batchFailed; // retried long enough: the channel fails, nothing is committed past it
            }
            for (IncomingEvent event : readable) {
                try {
                    applyAll(List.of(event), apply);
                } catch (RuntimeException failed) {
                    if (TransientFailure.isTransient(failed)) {
                        throw failed;
                    }
                    LOG.warnf(failed, "event %s of type %s could not be applied: dead-lettered", event.id(), event.type());
                    deadLetter.accept(recordOf.get(event), String.valueOf(failed.getMessage()));
                }
            }
        }
    }

    /** The events in one transaction, those the inbox has not seen applied; retried while the failure is transient. */
    private void applyAll(Collection<IncomingEvent> events, Consumer<List<IncomingEvent>> handler) {
        long backoff = 100;
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    List<IncomingEvent> first = inbox.firstDeliveries(events);
                    if (!first.isEmpty()) {
                        handler.accept(first);
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (!TransientFailure.isTransient(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("%d events not applied yet (%s); retrying in %d ms", events.size(), e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
