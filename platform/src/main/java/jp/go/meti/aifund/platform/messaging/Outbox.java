package jp.go.meti.aifund.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The transactional outbox: an event is a row written in the transaction of the change, so it is
 * published if and only if the change commits. The relay is woken once the transaction commits.
 */
@ApplicationScoped
public class Outbox {

    /** Fired in the writing transaction; observed after a successful commit only. */
    public record Written() {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final Event<Written> written;

    public Outbox(EntityManager em, ObjectMapper json, Event<Written> written) {
        this.em = em;
        this.json = json;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, CloudEvent<?> event) {
        OutboxEvent row = new OutboxEvent();
        row.id = event.id();
        row.topic = topic;
        row.messageKey = event.partitionkey();
        row.type = event.type();
        row.createdAt = event.time();
        row.traceparent = traceparent(Span.current().getSpanContext());
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.type() + " cannot be written as JSON", e);
        }
        em.persist(row);
        written.fire(new Written());
    }

    /** The W3C {@code traceparent} of the current span, so the event continues its trace. */
    static String traceparent(SpanContext span) {
        return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }
}
