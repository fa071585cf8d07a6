package jp.go.meti.aifund.milestone.support;

import static jp.go.meti.aifund.milestone.support.ReviewApi.MEASURED_ON;
import static jp.go.meti.aifund.milestone.support.ReviewApi.milestone;
import static jp.go.meti.aifund.milestone.support.ReviewApi.nedo;
import static jp.go.meti.aifund.milestone.support.ReviewApi.record;
import static jp.go.meti.aifund.milestone.support.ReviewApi.result;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/** Goals as a portal defines them, and the milestone of a year that implements one. */
public final class Goals {

    public static final long TRILLION = 1_000_000_000_000L;

    private Goals() {
    }

    /** The model-size goal of the demo: at least a trillion parameters by FY2030, a checkpoint each year. */
    public static Map<String, Object> modelSize() {
        Map<String, Object> goal = new HashMap<>();
        goal.put("code", "MODEL-SIZE");
        goal.put("title", "Model size");
        goal.put("metric", "parameters trained");
        goal.put("unit", "parameters");
        goal.put("direction", "AT_LEAST");
        goal.put("finalTarget", TRILLION);
        goal.put("finalFiscalYear", 2030);
        goal.put("checkpoints", List.of(checkpoint(2026, 100_000_000_000L), checkpoint(2027, 300_000_000_000L),
                checkpoint(2028, 500_000_000_000L), checkpoint(2029, 750_000_000_000L), checkpoint(2030, TRILLION)));
        return goal;
    }

    public static Map<String, Object> checkpoint(int fiscalYear, Object target) {
        return Map.of("fiscalYear", fiscalYear, "target", target);
    }

    public static Response defineGoal(String programme, Map<String, Object> goal) {
        return nedo().body(goal).post("/api/programmes/{p}/goals", programme);
    }

    public static String definedGoal(String programme, Map<String, Object> goal) {
        return defineGoal(programme, goal).then().statusCode(201).extract().path("id");
    }

    /** A year's critical milestone implementing the goal's checkpoint with all the year's weight, in parameters. */
    public static Map<String, Object> paramsImplementing(String goal) {
        Map<String, Object> m = milestone("PARAMS", 100_000_000_000L, 80_000_000_000L, 10_000, true);
        m.put("unit", "parameters");
        m.put("implementsGoal", goal);
        return m;
    }

    public static void recordParameters(String review, String milestone, long value) {
        Map<String, Object> result = result(value, MEASURED_ON);
        result.put("unit", "parameters");
        record(nedo(), review, milestone, result).then().statusCode(200);
    }
}
