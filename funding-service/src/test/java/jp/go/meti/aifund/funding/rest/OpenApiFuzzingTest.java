package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import jp.go.meti.aifund.infra.testing.OpenApiFuzzing;

/** Every funding endpoint fuzzed from the OpenAPI document, against a programme with a planned tranche. */
@QuarkusTest
class OpenApiFuzzingTest extends OpenApiFuzzing {

    private Map<String, String> values;

    @Override
    protected Map<String, String> pathValues() {
        if (values == null) {
            String programme = programme(1_000_000_000_000L);
            envelope(programme, 2026, 100_000_000_000L);
            String recipient = consortium(programme);
            values = Map.of("programmeId", programme, "recipientId", recipient, "fiscalYear", "2026",
                    "trancheId", planned(programme, recipient, 2026, 1_000_000_000L));
        }
        return values;
    }
}
