package jp.go.meti.aifund.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox rows to Kafka in the order they were written and marks them published once the
 * broker acknowledged them (acks=all). A crash between the two republishes: delivery is at least
 * once and consumers dedupe by CloudEvent id. A PostgreSQL advisory lock keeps one relay at a time
 * across replicas, so per-programme order holds. While Kafka is down, rows wait and the relay
 * retries; on shutdown it drains what it can before the application stops.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "outbox";
    private static final long RELAY_LOCK = 0x41494655_4e44L; // "AIFUND": one relay per database
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Emitter<String> emitter;
    private final EntityManager em;
    private final OutboxConfig config;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private SendFailed pendingFailure; // set and read by the worker thread only
    private Thread worker;

    public OutboxRelay(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<String> emitter, EntityManager em, OutboxConfig config) {
        this.emitter = emitter;
        this.em = em;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wake.release();
        // bounded: a batch still settling after this is simply published again after the next start
        worker.join(15_000);
    }

    void wakeAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wake.release();
    }

    private void loop() {
        long backoff = config.pollInterval().toMillis();
        while (running) {
            try {
                wake.tryAcquire(backoff, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (relayBatch() == config.batchSize()) {
                    // a full batch: more may be waiting
                }
                if (pendingFailure != null) {
                    SendFailed failure = pendingFailure;
                    pendingFailure = null;
                    throw failure;
                }
                backoff = config.pollInterval().toMillis();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
                LOG.warnf("outbox relay could not publish (%s); retrying in %d ms", e.getMessage(), backoff);
            }
        }
        try {
            relayBatch(); // drain on shutdown
        } catch (RuntimeException e) {
            LOG.warnf("outbox not drained at shutdown (%s); the rows are published after the next start", e.getMessage());
        }
    }

    /**
     * Publishes one batch and marks the events the broker acknowledged; returns how many. It waits
     * until every send of the batch has settled, acknowledged or failed, before it returns: an
     * event given up on while its send is still pending would go out twice once retried, and the
     * retry could overtake it. (The idempotent producer keeps one partition's sends in order: after
     * a failure, the later sends of that partition fail too and are retried after it.) When any
     * send failed, the acknowledged ones are still marked, and {@link SendFailed} asks for back-off.
     * Its transaction outlives the settle timeout, and its connection may sit idle in it that long:
     * the services' request timeouts (30 s, 60 s idle) would roll it back mid-outage, and the
     * acknowledged events would go out again.
     */
    int relayBatch() {
        int seconds = (int) config.settleTimeout().plusMinutes(1).toSeconds();
        return QuarkusTransaction.requiringNew().timeout(seconds).call(() -> {
            em.createNativeQuery("SET LOCAL idle_in_transaction_session_timeout = 0").executeUpdate();
            boolean leader = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!leader) {
                return 0;
            }
            List<OutboxEvent> batch = em.createQuery(
                    "FROM OutboxEvent WHERE publishedAt IS NULL ORDER BY seq", OutboxEvent.class)
                    .setMaxResults(config.batchSize()).getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                acks.add(send(event));
            }
            try {
                CompletableFuture.allOf(acks.stream().map(a -> a.exceptionally(failure -> null))
                        .toArray(CompletableFuture[]::new)).get(config.settleTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillPending) {
                LOG.warnf("%d outbox sends still pending after %s; their rows stay unpublished", acks.stream()
                        .filter(a -> !a.isDone()).count(), config.settleTimeout());
            }
            Instant now = Instant.now();
            int published = 0;
            for (int i = 0; i < batch.size(); i++) {
                if (acks.get(i).isDone() && !acks.get(i).isCompletedExceptionally()) {
                    batch.get(i).publishedAt = now;
                    published++;
                }
            }
            if (published < batch.size()) {
                pendingFailure = new SendFailed(batch.size() - published, batch.size());
            }
            return published;
        });
    }

    /** Some sends of the last batch failed: the relay backs off before retrying them. */
    static final class SendFailed extends RuntimeException {
        SendFailed(int failed, int of) {
            super(failed + " of " + of + " events not acknowledged by Kafka", null, false, false);
        }
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (event.traceparent != null) {
            headers.add("traceparent", event.traceparent.getBytes(StandardCharsets.UTF_8));
        }
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic).withKey(event.messageKey).withHeaders(headers).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }
}
