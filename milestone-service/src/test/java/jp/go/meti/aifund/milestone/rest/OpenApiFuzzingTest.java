package jp.go.meti.aifund.milestone.rest;

import static jp.go.meti.aifund.milestone.support.ReviewApi.*;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import jp.go.meti.aifund.infra.testing.OpenApiFuzzing;

/** Every milestone endpoint fuzzed from the OpenAPI document, against a defined milestone and a draft review. */
@QuarkusTest
class OpenApiFuzzingTest extends OpenApiFuzzing {

    private Map<String, String> values;

    @Override
    protected Map<String, String> pathValues() {
        if (values == null) {
            String programme = newProgramme();
            String milestone = defined(programme, 2026, milestone("PARAMS", 100, 80, 10_000, true));
            values = Map.of("programmeId", programme, "fiscalYear", "2026", "milestoneId", milestone,
                    "reviewId", opened(programme, 2026));
        }
        return values;
    }
}
