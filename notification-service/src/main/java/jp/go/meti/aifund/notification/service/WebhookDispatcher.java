package jp.go.meti.aifund.notification.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.go.meti.aifund.notification.config.NotificationConfig;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Finding;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.domain.WebhookSignature;
import jp.go.meti.aifund.notification.repository.Warning;
import jp.go.meti.aifund.notification.repository.WebhookAttempt;
import jp.go.meti.aifund.notification.repository.WebhookDelivery;
import jp.go.meti.aifund.notification.repository.WebhookRepository;
import jp.go.meti.aifund.notification.repository.WebhookSubscription;
import jp.go.meti.aifund.notification.service.Views.WarningView;

/**
 * Delivers warnings to webhook subscribers, signed by the Standard Webhooks convention
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}). A delivery is retried
 * with exponential back-off until the endpoint answers 2xx, every attempt recorded; it is never
 * dropped. One still failing after the stall threshold raises a {@code WEBHOOK_STALLED} warning.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;

    private final WebhookRepository webhooks;
    private final Warnings warnings;
    private final EntityManager em;
    private final ObjectMapper json;
    private final NotificationConfig.Webhooks config;
    private final Clock clock;
    private final HttpClient http;
    private volatile boolean running;
    private Thread worker;

    public WebhookDispatcher(WebhookRepository webhooks, Warnings warnings, EntityManager em, ObjectMapper json,
            NotificationConfig config, Clock clock) {
        this.webhooks = webhooks;
        this.warnings = warnings;
        this.em = em;
        this.json = json;
        this.config = config.webhooks();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::loop, "webhook-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(config.timeout().toMillis() + 1000);
    }

    private void loop() {
        while (running) {
            try {
                while (running && dispatchDue() == BATCH) {
                    // a full batch: more may be due
                }
                reportStalls();
                TimeUnit.MILLISECONDS.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatch failed (%s); retrying", e.getMessage());
            }
        }
    }

    /** Attempts the due deliveries once each; returns how many it attempted. */
    int dispatchDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<WebhookDelivery> due = webhooks.due(clock.instant(), BATCH);
            for (WebhookDelivery delivery : due) {
                attempt(delivery);
            }
            return due.size();
        });
    }

    private void attempt(WebhookDelivery delivery) {
        WebhookSubscription subscription = webhooks.subscription(delivery.subscriptionId);
        Warning warning = em.find(Warning.class, delivery.warningId);
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String body = body(warning, now);
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = now;
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(subscription.url))
                    .timeout(config.timeout()).header("Content-Type", "application/json")
                    .header("webhook-id", delivery.id.toString())
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(subscription.secret, delivery.id.toString(),
                            timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            attempt.statusCode = response.statusCode();
        } catch (java.io.IOException e) {
            attempt.error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.error = "interrupted at shutdown";
        } catch (IllegalArgumentException e) {
            attempt.error = "unusable URL: " + e.getMessage();
        }
        attempt.durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        webhooks.persist(attempt);
        delivery.attempts++;
        if (attempt.statusCode != null && attempt.statusCode / 100 == 2) {
            delivery.state = WebhookDelivery.DELIVERED;
            delivery.deliveredAt = clock.instant();
        } else {
            delivery.nextAttemptAt = clock.instant().plus(backoff(delivery.attempts));
        }
    }

    /** 2 s, 4 s, 8 s … up to the maximum. */
    Duration backoff(int attempts) {
        long millis = config.firstBackoff().toMillis() << Math.min(attempts - 1, 30);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private void reportStalls() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (WebhookDelivery stalled : webhooks.stalled(clock.instant().minus(config.stallAfter()))) {
                stalled.stallReported = true;
                Warning about = em.find(Warning.class, stalled.warningId);
                if (about.kind == WarningKind.WEBHOOK_STALLED) {
                    continue; // a stalled endpoint is reported once, not about its own reports
                }
                WebhookSubscription s = webhooks.subscription(stalled.subscriptionId);
                warnings.raise(new Finding(WarningKind.WEBHOOK_STALLED, about.fiscalYear,
                        "Webhook deliveries to " + s.url + " are failing",
                        "Delivery " + stalled.id + " of warning " + about.id + " has failed " + stalled.attempts
                                + " time(s) since " + stalled.createdAt + "; it keeps being retried.", null),
                        about.programmeId, List.of(), "WEBHOOK_STALLED:" + s.id);
            }
        });
    }

    private String body(Warning warning, Instant now) {
        try {
            return json.writeValueAsString(Map.of("type", "warning.raised", "timestamp", now.toString(),
                    "data", WarningView.of(warning)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
