package jp.go.meti.aifund.platform.messaging;

import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.go.meti.aifund.platform.repository.TransientFailure;

/**
 * How every service consumes a record: read it against the published contract (a
 * {@link PoisonMessage} goes to the channel's dead-letter topic with its reason), skip published
 * types this consumer does not act on, and apply the others in one transaction that first claims
 * the event id in the {@link Inbox}, so that a redelivery changes nothing whatever the handler
 * does. While the database is unreachable, the record is retried rather than dead-lettered: it is
 * not at fault.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final int MAX_ATTEMPTS = 60;

    private final EventReader reader;
    private final Inbox inbox;

    public EventConsumer(EventReader reader, Inbox inbox) {
        this.reader = reader;
        this.inbox = inbox;
    }

    /** {@code handler} runs in the transaction that records the event as applied, once per event id. */
    public void consume(String key, String payload, Set<String> handledTypes, Consumer<IncomingEvent> handler) {
        IncomingEvent event = reader.read(key, payload);
        if (!handledTypes.contains(event.type())) {
            return;
        }
        long backoff = 100;
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(event)) {
                        handler.accept(event);
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (!TransientFailure.isTransient(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("event %s not applied yet (%s); retrying in %d ms", event.id(), e.getMessage(), backoff);
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
