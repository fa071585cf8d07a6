package jp.go.meti.aifund.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** The outbox lag an ops team watches: events committed and not yet acknowledged by Kafka. */
@ApplicationScoped
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final EntityManager em;

    public OutboxMetrics(MeterRegistry registry, EntityManager em) {
        this.registry = registry;
        this.em = em;
    }

    void register(@Observes StartupEvent startup) {
        Gauge.builder("aifund.outbox.pending", this::pendingEvents)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
    }

    private double pendingEvents() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").getSingleResult())
                .doubleValue());
    }
}
