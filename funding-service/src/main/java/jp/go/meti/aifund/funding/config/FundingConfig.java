package jp.go.meti.aifund.funding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "aifund.funding")
public interface FundingConfig {

    /** When the daily year-end close runs (Quartz cron, Japan time); {@code off} disables it. */
    @WithName("year-end-close.cron")
    @WithDefault("0 0 6 * * ?")
    String yearEndCloseCron();

    /** Kafka topic of the tranche events (keyed by programme id). */
    @WithDefault("aifund.tranche-events.v1")
    String trancheTopic();

    /** Kafka topic of the programme events, each with the programme's whole state (keyed by programme id). */
    @WithDefault("aifund.programme-events.v1")
    String programmeTopic();

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/aifund/funding-service")
    String eventSource();

    /** Base of the {@code dataschema} URI; the event type and ".schema.json" are appended. */
    @WithDefault("https://aifund.meti.go.jp/contracts/")
    String schemaBaseUri();
}
