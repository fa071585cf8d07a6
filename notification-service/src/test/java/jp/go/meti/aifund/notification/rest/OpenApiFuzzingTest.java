package jp.go.meti.aifund.notification.rest;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import jp.go.meti.aifund.infra.testing.OpenApiFuzzing;

/**
 * Every notification endpoint fuzzed from the OpenAPI document. The read model and the warnings
 * are written by the consumers and the deadline check on their own, so only what the REST API
 * writes (webhook subscriptions, warning decisions through their ids) is fingerprinted.
 */
@QuarkusTest
class OpenApiFuzzingTest extends OpenApiFuzzing {

    private static final Map<String, String> VALUES = Map.of("programmeId", UUID.randomUUID().toString());


    @Override
    protected Map<String, String> pathValues() {
        return VALUES;
    }

    @Override
    protected Set<String> tablesWrittenInTheBackground() {
        return Set.of("outbox_event", "processed_event", "flyway_schema_history", "programme_totals", "tranche_copy",
                "member_share", "review_copy", "warning", "webhook_delivery", "webhook_attempt");
    }

    @Override
    protected Set<String> streaming() {
        return Set.of("GET /api/warnings/stream");
    }
}
