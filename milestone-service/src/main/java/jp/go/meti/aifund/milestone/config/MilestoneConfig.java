package jp.go.meti.aifund.milestone.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "aifund.milestone")
public interface MilestoneConfig {

    /** Kafka topic of the review events (keyed by programme id). */
    @WithDefault("aifund.review-events.v1")
    String reviewTopic();

    /** Kafka topic of the milestone events (keyed by programme id), from which funding-service keeps its copy. */
    @WithDefault("aifund.milestone-events.v1")
    String milestoneTopic();

    /** Kafka topic of funding-service's programme events, from which this service keeps its copy of the programmes. */
    @WithDefault("aifund.programme-events.v1")
    String programmeTopic();

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/aifund/milestone-service")
    String eventSource();

    /** Base of the {@code dataschema} URI; the event type and ".schema.json" are appended. */
    @WithDefault("https://aifund.meti.go.jp/contracts/")
    String schemaBaseUri();

    /** Month and day in FY N+1 by which the review of FY N must be finalized, as MM-DD. */
    @WithDefault("06-30")
    String reviewDueDay();
}
