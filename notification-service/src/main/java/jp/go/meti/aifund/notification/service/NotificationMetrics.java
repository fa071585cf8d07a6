package jp.go.meti.aifund.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningKind;

/**
 * The gauges an ops team alerts on: open warnings by severity, annual reviews overdue (open
 * {@code REVIEW_OVERDUE} warnings), webhook deliveries not yet received, failed delivery attempts,
 * and the live streams open. (Consumer lag comes from the Kafka client's own metrics.)
 */
@ApplicationScoped
public class NotificationMetrics {

    private final MeterRegistry registry;
    private final EntityManager em;
    private final WarningFeed feed;

    public NotificationMetrics(MeterRegistry registry, EntityManager em, WarningFeed feed) {
        this.registry = registry;
        this.em = em;
        this.feed = feed;
    }

    void register(@Observes StartupEvent startup) {
        for (Severity severity : Severity.values()) {
            Gauge.builder("aifund.warnings.open", () -> count(
                    "SELECT count(*) FROM warning WHERE state <> 'RESOLVED' AND severity = '" + severity + "'"))
                    .tag("severity", severity.name()).description("Warnings not yet resolved").register(registry);
        }
        Gauge.builder("aifund.reviews.overdue", () -> count(
                "SELECT count(*) FROM warning WHERE state <> 'RESOLVED' AND kind = '" + WarningKind.REVIEW_OVERDUE + "'"))
                .description("Annual reviews past their due date and not finalized (open REVIEW_OVERDUE warnings)")
                .register(registry);
        Gauge.builder("aifund.webhook.deliveries.pending", () -> count(
                "SELECT count(*) FROM webhook_delivery WHERE state = 'PENDING'"))
                .description("Webhook deliveries not yet answered with 2xx").register(registry);
        Gauge.builder("aifund.webhook.attempts.failed", () -> count(
                "SELECT count(*) FROM webhook_attempt WHERE status_code IS NULL OR status_code / 100 <> 2"))
                .description("Webhook delivery attempts that failed, in all").register(registry);
        Gauge.builder("aifund.stream.followers", feed::followers)
                .description("Live streams (GET /api/warnings/stream) open now").register(registry);
    }

    private double count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .doubleValue());
    }
}
