package jp.go.meti.aifund.platform.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "aifund.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events when no commit woke it. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Longest wait between retries while Kafka is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** Events published per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgements of one batch. */
    @WithDefault("15s")
    Duration sendTimeout();
}
