package jp.go.meti.aifund.funding.service;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jp.go.meti.aifund.funding.aggregate.Programme;

/**
 * Prometheus gauges of each programme's use of its ceiling, updated when a change commits (never
 * computed from an uncommitted state).
 */
@ApplicationScoped
public class CeilingMetrics {

    /** Fired by {@link Ledger} with every entry; observed only once the transaction committed. */
    public record Committed(UUID programmeId, String name, long ceiling, long outstanding) {
    }

    private final MeterRegistry registry;
    private final EntityManager em;
    private final Map<UUID, AtomicLong[]> programmes = new ConcurrentHashMap<>();

    public CeilingMetrics(MeterRegistry registry, EntityManager em) {
        this.registry = registry;
        this.em = em;
    }

    void registerExisting(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("FROM Programme", Programme.class).getResultList()
                .forEach(p -> update(new Committed(p.id, p.name, p.ceiling, p.exposure().outstanding()))));
    }

    void update(@Observes(during = TransactionPhase.AFTER_SUCCESS) Committed change) {
        AtomicLong[] figures = programmes.computeIfAbsent(change.programmeId(), id -> register(change));
        figures[0].set(change.ceiling());
        figures[1].set(change.outstanding());
    }

    private AtomicLong[] register(Committed change) {
        AtomicLong[] figures = {new AtomicLong(), new AtomicLong()};
        String id = change.programmeId().toString();
        Gauge.builder("aifund.ceiling.yen", figures[0], AtomicLong::get).tag("programme", id)
                .description("The programme's ceiling in yen").register(registry);
        Gauge.builder("aifund.outstanding.yen", figures[1], AtomicLong::get).tag("programme", id)
                .description("Committed + disbursed − re-appropriated returned money, in yen").register(registry);
        Gauge.builder("aifund.ceiling.utilization", figures, f -> f[0].get() == 0 ? 0 : (double) f[1].get() / f[0].get())
                .tag("programme", id).description("Outstanding money as a share of the ceiling (0..1)")
                .register(registry);
        return figures;
    }
}
