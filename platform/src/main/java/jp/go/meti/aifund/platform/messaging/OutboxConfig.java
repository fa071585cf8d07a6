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

    /**
     * How long the relay waits for every send of a batch to settle (acknowledged or failed). Longer
     * than the producer's own limits (metadata wait 5 min, delivery 12 s), so that it never gives
     * up on a send that could still succeed.
     */
    @WithDefault("6m")
    Duration settleTimeout();
}
