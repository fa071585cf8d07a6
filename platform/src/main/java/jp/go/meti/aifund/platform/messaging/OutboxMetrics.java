package jp.go.meti.aifund.platform.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbox lag an ops team watches: events committed and not yet acknowledged by Kafka, and how
 * long the oldest of them has waited (what the AifundOutboxBacklogOld alert pages on: a count alone
 * cannot tell a busy relay from a stuck one).
 */
@ApplicationScoped
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final EntityManager em;
    private final Clock clock;

    public OutboxMetrics(MeterRegistry registry, EntityManager em, Clock clock) {
        this.registry = registry;
        this.em = em;
        this.clock = clock;
    }

    void register(@Observes StartupEvent startup) {
        Gauge.builder("aifund.outbox.pending", this::pendingEvents)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("aifund.outbox.oldest.pending", this::oldestPendingSeconds).baseUnit("seconds")
                .description("How long the oldest event not yet acknowledged by Kafka has waited (0 when none waits)")
                .register(registry);
    }

    /** By the service's clock, which wrote the events' times (the demo clock runs ahead of the database's). */
    double oldestPendingSeconds() {
        List<?> oldest = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT created_at FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT 1").getResultList());
        if (oldest.isEmpty()) {
            return 0;
        }
        Duration waited = Duration.between(instant(oldest.get(0)), clock.instant());
        return Math.max(0, waited.toMillis() / 1000.0);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("created_at read as " + value.getClass());
    }

    private double pendingEvents() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").getSingleResult())
                .doubleValue());
    }
}
