package jp.go.meti.aifund.notification.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.platform.rest.Languages;
import jp.go.meti.aifund.notification.config.NotificationConfig;
import jp.go.meti.aifund.notification.domain.DeliveryState;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Finding;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.domain.WebhookSignature;
import jp.go.meti.aifund.notification.aggregate.Warning;
import jp.go.meti.aifund.notification.aggregate.WebhookAttempt;
import jp.go.meti.aifund.notification.aggregate.WebhookDelivery;
import jp.go.meti.aifund.notification.repository.WebhookRepository;
import jp.go.meti.aifund.notification.aggregate.WebhookSubscription;
import jp.go.meti.aifund.notification.repository.WarningChangeRepository;
import jp.go.meti.aifund.notification.service.Views.WarningChangeView;

/**
 * Delivers the changes of warnings to webhook subscribers ({@code warning.raised},
 * {@code warning.acknowledged}, {@code warning.resolved}), signed by the Standard Webhooks
 * convention ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}). A delivery
 * is retried with exponential back-off until the endpoint answers 2xx, every attempt recorded; it
 * is never dropped. One still failing after the stall threshold raises a {@code WEBHOOK_STALLED}
 * warning. The endpoint is checked again before every attempt ({@link WebhookEndpoints}).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;

    /**
     * The {@code webhook-timestamp} is the real time even where the business clock is not (the demo
     * runs years ahead): receivers compare it with their own clock to refuse replays.
     */
    private final Clock wallClock = Clock.systemUTC();
    private final WebhookRepository webhooks;
    private final WarningChangeRepository changes;
    private final WarningJournal journal;
    private final WebhookEndpoints endpoints;
    private final Warnings warnings;
    private final EntityManager em;
    private final ObjectMapper json;
    private final NotificationConfig.Webhooks config;
    private final Clock clock;
    private final HttpClient http;
    /** The attempts of one batch run side by side: a hanging endpoint holds one of these threads, no other delivery. */
    private final ExecutorService sending = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "webhook-send");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private Thread worker;

    public WebhookDispatcher(WebhookRepository webhooks, WarningChangeRepository changes, WarningJournal journal,
            WebhookEndpoints endpoints, Warnings warnings, EntityManager em, ObjectMapper json, NotificationConfig config,
            Clock clock) {
        this.webhooks = webhooks;
        this.changes = changes;
        this.journal = journal;
        this.endpoints = endpoints;
        this.warnings = warnings;
        this.em = em;
        this.json = json;
        this.config = config.webhooks();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).executor(sending).build();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::loop, "webhook-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets the batch under way end (its attempts recorded, at most {@link #attemptDeadline()}), then stops. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(attemptDeadline().toMillis() + 1000);
        sending.shutdownNow();
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

    /**
     * Attempts the due deliveries once each; returns how many it attempted. No database transaction is
     * open while an endpoint is called: the due deliveries are claimed in one short transaction (each
     * for longer than an attempt may take), sent all at once, and each attempt recorded in a short
     * transaction of its own as soon as it ends, so a few endpoints that hang until the timeout neither
     * delay the others nor hold rows or connections. The batch ends when its last attempt has.
     */
    int dispatchDue() {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claimDue);
        CompletableFuture.allOf(claimed.stream().map(c -> send(c).thenAccept(this::recordSafely))
                .toArray(CompletableFuture[]::new)).join();
        return claimed.size();
    }

    /**
     * How long one attempt may take, its endpoint check included: past it the attempt is recorded as
     * unanswered (an endpoint that sends its headers and then trickles its body would otherwise hold
     * the batch), and the claim lasts longer still, so that no other dispatcher calls it meanwhile.
     */
    private Duration attemptDeadline() {
        return config.timeout().multipliedBy(2);
    }

    private void recordSafely(Outcome o) {
        try {
            QuarkusTransaction.requiringNew().run(() -> record(o));
        } catch (RuntimeException e) { // the claim runs out and the delivery is attempted again
            LOG.warnf("webhook attempt on delivery %s not recorded (%s): it is attempted again", o.deliveryId(),
                    e.getMessage());
        }
    }

    /** A claimed delivery, ready to send: where, and the signed request (null, with why, if the URL is unusable). */
    private record Claimed(UUID deliveryId, String url, HttpRequest request, String unusable) {
    }

    /** What an attempt found, to be recorded. */
    private record Outcome(UUID deliveryId, Instant attemptedAt, Integer statusCode, String error, long millis) {
    }

    private List<Claimed> claimDue() {
        Instant now = clock.instant();
        List<Claimed> claimed = new ArrayList<>();
        for (WebhookDelivery delivery : webhooks.due(now, BATCH)) {
            WebhookSubscription subscription = webhooks.subscription(delivery.subscriptionId);
            Warning warning = em.find(Warning.class, delivery.warningId);
            String body;
            try {
                body = body(journal.frame(changes.get(delivery.changePosition), warning),
                        Languages.of(subscription.language));
            } catch (RuntimeException e) { // one delivery that cannot be written keeps no other from being sent
                delivery.claim(now.plus(attemptDeadline()));
                claimed.add(new Claimed(delivery.id, subscription.url, null, "the delivery could not be written ("
                        + e.getMessage() + ")"));
                continue;
            }
            delivery.claim(now.plus(attemptDeadline()).plus(config.timeout()).plus(config.pollInterval()));
            try {
                claimed.add(new Claimed(delivery.id, subscription.url, request(subscription, delivery, body), null));
            } catch (IllegalArgumentException e) {
                claimed.add(new Claimed(delivery.id, subscription.url, null, "unusable URL: " + e.getMessage()));
            }
        }
        return claimed;
    }

    /**
     * Sends one claimed delivery, its endpoint checked again first (a name may resolve elsewhere now),
     * on a thread of its own, so that one slow check or endpoint delays no other; never fails.
     */
    private CompletableFuture<Outcome> send(Claimed c) {
        return CompletableFuture.supplyAsync(() -> endpoints.refusalOf(c.url()), sending).thenCompose(refusal -> {
            Instant attemptedAt = clock.instant();
            long started = System.nanoTime();
            if (c.request() == null || refusal.isPresent()) {
                return CompletableFuture.completedFuture(new Outcome(c.deliveryId(), attemptedAt, null,
                        c.request() == null ? c.unusable() : "not sent: the URL " + refusal.get(), 0));
            }
            return http.sendAsync(c.request(), HttpResponse.BodyHandlers.discarding()).handle((response, failure) ->
                    new Outcome(c.deliveryId(), attemptedAt, response == null ? null : response.statusCode(),
                            failure == null ? null : failure(failure), TimeUnit.NANOSECONDS.toMillis(System.nanoTime()
                                    - started)));
        }).exceptionally(failure -> new Outcome(c.deliveryId(), clock.instant(), null, failure(failure), 0))
                .completeOnTimeout(new Outcome(c.deliveryId(), clock.instant(), null, "no answer within "
                        + attemptDeadline().toSeconds() + " s", attemptDeadline().toMillis()),
                        attemptDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The attempt on record; the delivery moves on only if still pending (its subscription may be deleted meanwhile). */
    private void record(Outcome o) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, o.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        WebhookAttempt attempt = new WebhookAttempt(o.deliveryId(), o.attemptedAt(), o.statusCode(), o.error(), o.millis());
        webhooks.persist(attempt);
        if (delivery.state == DeliveryState.PENDING) {
            delivery.attempted(attempt, clock.instant(), this::backoff);
        }
    }

    private HttpRequest request(WebhookSubscription subscription, WebhookDelivery delivery, String body) {
        Instant now = wallClock.instant();
        long timestamp = now.getEpochSecond();
        String id = delivery.id.toString();
        String signatures = WebhookSignature.sign(subscription.secret, id, timestamp, body);
        if (subscription.previousSecret != null && now.isBefore(subscription.previousSecretUntil)) {
            signatures += " " + WebhookSignature.sign(subscription.previousSecret, id, timestamp, body);
        }
        return HttpRequest.newBuilder(URI.create(subscription.url)).timeout(config.timeout())
                .header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp)).header("webhook-signature", signatures)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(); // an unusable URL: IllegalArgumentException
    }

    /** What went wrong, in words an endpoint's owner reads (not the client library's exception name). */
    private String failure(Throwable failure) {
        Throwable e = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String why = e instanceof java.net.http.HttpConnectTimeoutException ? "no connection within " + config.timeout().toSeconds() + " s"
                : e instanceof java.net.http.HttpTimeoutException ? "no answer within " + config.timeout().toSeconds() + " s"
                : e instanceof java.net.ConnectException ? "the connection was refused"
                : e instanceof javax.net.ssl.SSLException ? "the TLS handshake failed"
                : e instanceof java.net.UnknownHostException ? "the host name does not resolve"
                : e instanceof java.io.IOException ? "the connection failed"
                : "the attempt failed";
        return e.getMessage() == null || e.getMessage().isBlank() ? why : why + " (" + e.getMessage() + ")";
    }

    /** 2 s, 4 s, 8 s … up to the maximum. */
    Duration backoff(int attempts) {
        long millis = config.firstBackoff().toMillis() << Math.min(attempts - 1, 30);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private void reportStalls() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (WebhookDelivery stalled : webhooks.stalled(clock.instant().minus(config.stallAfter()))) {
                stalled.stallReported();
                Warning about = em.find(Warning.class, stalled.warningId);
                if (about.kind == WarningKind.WEBHOOK_STALLED) {
                    continue; // a stalled endpoint is reported once, not about its own reports
                }
                WebhookSubscription s = webhooks.subscription(stalled.subscriptionId);
                warnings.raise(new Finding(WarningKind.WEBHOOK_STALLED, about.fiscalYear,
                        new Text("notification.stalled.title", s.url),
                        new Text("notification.stalled.detail", stalled.id, about.id, String.valueOf(stalled.attempts),
                                stalled.createdAt), null),
                        about.programmeId, List.of(), "WEBHOOK_STALLED:" + s.id);
            }
        });
    }

    /** {@code type} names the change, {@code timestamp} is when it happened (business time), {@code data} the warning after it. */
    private String body(LiveFrame.Change frame, Locale language) {
        try {
            WarningChangeView change = frame.change();
            ObjectNode body = json.createObjectNode().put("type", change.change().eventType())
                    .put("timestamp", change.at().toString());
            body.set("data", frame.warningIn(language, json)); // in the subscription's language
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
