package jp.go.meti.aifund.milestone.inbound;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.go.meti.aifund.contracts.programme.ProgrammeData;
import jp.go.meti.aifund.milestone.service.ProgrammeCopies;
import jp.go.meti.aifund.milestone.service.ProgrammeCopies.Recipient;
import jp.go.meti.aifund.milestone.service.ProgrammeCopies.Snapshot;
import jp.go.meti.aifund.platform.messaging.EventConsumer;
import jp.go.meti.aifund.platform.messaging.IncomingEvent;
import jp.go.meti.aifund.platform.messaging.PoisonMessage;

/**
 * funding-service's programme events, one record at a time in partition order (one programme's
 * events in the order they were written), through the platform's consumer: read against the
 * contract, applied once, and what cannot be read goes to {@code aifund.milestone-service.dlq.v1}
 * with the reason. Every type carries the programme's whole state, so each replaces the copy; one
 * older than the copy (by its sequence) changes nothing, and is counted.
 */
@ApplicationScoped
public class ProgrammeEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ProgrammeEventsConsumer.class);
    private static final String PREFIX = "jp.go.meti.aifund.programme.";
    public static final Set<String> TYPES = Set.of(PREFIX + "created.v1", PREFIX + "envelope-set.v1",
            PREFIX + "gate-overridden.v1", PREFIX + "recipient-added.v1");

    private final EventConsumer consumer;
    private final ProgrammeCopies copies;
    private final MeterRegistry registry;

    public ProgrammeEventsConsumer(EventConsumer consumer, ProgrammeCopies copies, MeterRegistry registry) {
        this.consumer = consumer;
        this.copies = copies;
        this.registry = registry;
    }

    @Incoming("programmes")
    @Blocking
    public void programme(ConsumerRecord<String, String> record) {
        consumer.consume(record.key(), record.value(), TYPES, this::apply);
    }

    private void apply(IncomingEvent event) {
        Snapshot snapshot = snapshotOf(event);
        if (!copies.apply(snapshot)) {
            registry.counter(EventConsumer.SKIPPED, "reason", "older-snapshot", "type", event.type()).increment();
            LOG.infof("programme event %s (sequence %d of %s) is not newer than the copy: nothing changed", event.id(),
                    snapshot.sequence(), snapshot.programmeId());
        }
    }

    /** What the copy needs of the event's data, read into its type generated from the schema. */
    static Snapshot snapshotOf(IncomingEvent event) {
        ProgrammeData data = event.data(ProgrammeData.class);
        UUID programmeId = data.getProgrammeId();
        if (!programmeId.toString().equals(event.partitionKey())) {
            throw new PoisonMessage("data.programmeId " + programmeId + " is not the event's partitionkey "
                    + event.partitionKey());
        }
        List<Recipient> recipients = data.getRecipients().stream().map(r -> new Recipient(r.getRecipientId(),
                r.getName(), r.getRole().value(), r.getConsortiumId())).toList();
        return new Snapshot(event.id(), programmeId, data.getName(), Math.toIntExact(data.getFirstFiscalYear()),
                Math.toIntExact(data.getLastFiscalYear()), data.getSequence(), data.getChange().getRecordedAt(),
                recipients);
    }
}
