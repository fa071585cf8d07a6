package jp.go.meti.aifund.notification.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "aifund.notification")
public interface NotificationConfig {

    /** Kafka topic of the pullback recommendations this service publishes (keyed by programme id). */
    @WithDefault("aifund.pullback-recommendations.v1")
    String recommendationTopic();

    /** Where records that cannot be read go, with the reason in the {@code dead-letter-reason} header. */
    @WithDefault("aifund.notification-service.dlq.v1")
    String deadLetterTopic();

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/aifund/notification-service")
    String eventSource();

    /** Base of the {@code dataschema} URI; the event type and ".schema.json" are appended. */
    @WithDefault("https://aifund.meti.go.jp/contracts/")
    String schemaBaseUri();

    /** Month and day in FY N+1 by which the review of FY N is due, as MM-DD (as in milestone-service). */
    @WithDefault("06-30")
    String reviewDueDay();

    Policy policy();

    Webhooks webhooks();

    Stream stream();

    interface Stream {
        /**
         * A comment line this often keeps a quiet stream open: well inside the HTTP idle timeout
         * (60 s) and a proxy's read timeout (nginx ingress: 60 s).
         */
        @WithDefault("15s")
        Duration keepAlive();

        /** The reconnection delay the stream asks clients to wait ({@code retry:}). */
        @WithDefault("3s")
        Duration retry();

        /** At most this many missed changes are replayed after {@code Last-Event-ID}; beyond, a resync frame. */
        @WithDefault("1000")
        int replayLimit();
    }

    interface Policy {
        /** CEILING_NEAR when the headroom is under this share of the ceiling, in basis points. */
        @WithDefault("1000")
        int ceilingNearBasisPoints();

        /** REVIEW_DUE_SOON this many days before a review's due date. */
        @WithDefault("30")
        int reminderLeadDays();
    }

    interface Webhooks {
        /** How often the dispatcher looks for due deliveries. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** The first retry waits this long; each next one twice as long, up to {@link #maxBackoff()}. */
        @WithDefault("2s")
        Duration firstBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** A delivery still failing after this long raises a WEBHOOK_STALLED warning. */
        @WithDefault("15m")
        Duration stallAfter();

        /** Connect and response timeout of one attempt. */
        @WithDefault("5s")
        Duration timeout();

        /** Endpoints must be https; plain http is allowed only where this is off (development, tests). */
        @WithDefault("true")
        boolean requireHttps();

        /**
         * Networks (address/prefix) that endpoints may lead into although they are internal (loopback,
         * private…): none in production; the local stack and tests allow 127.0.0.1/32 for their receivers.
         */
        Optional<List<String>> allowedNetworks();

        /** After a rotation, the previous secret still signs (beside the new one) this long. */
        @WithDefault("24h")
        Duration rotationOverlap();
    }
}
