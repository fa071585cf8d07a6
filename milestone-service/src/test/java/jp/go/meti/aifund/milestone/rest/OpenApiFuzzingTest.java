package jp.go.meti.aifund.milestone.rest;

import static jp.go.meti.aifund.milestone.support.ReviewApi.*;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import jp.go.meti.aifund.infra.testing.OpenApiFuzzing;
import jp.go.meti.aifund.milestone.support.Goals;
import jp.go.meti.aifund.milestone.support.Programmes;

/**
 * Every milestone endpoint fuzzed from the OpenAPI document, against a programme known to the copy,
 * a defined milestone, a draft review, a recipient and a goal of the programme.
 */
@QuarkusTest
class OpenApiFuzzingTest extends OpenApiFuzzing {

    private Map<String, String> values;

    @Override
    protected Map<String, String> pathValues() {
        if (values == null) {
            Programmes.Known known = Programmes.known("Noetra", "Honda");
            String programme = known.id();
            String milestone = defined(programme, 2026, milestone("PARAMS", 100, 80, 10_000, true));
            // recipientId: the body fields of that name (a milestone's, a conflict's) name a real recipient
            values = Map.of("programmeId", programme, "fiscalYear", "2026", "milestoneId", milestone,
                    "reviewId", opened(programme, 2026), "recipientId", known.recipient("Honda"),
                    "goalId", Goals.definedGoal(programme, Goals.modelSize()));
        }
        return values;
    }
}
