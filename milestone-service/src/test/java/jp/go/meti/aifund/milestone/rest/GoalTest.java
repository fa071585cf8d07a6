package jp.go.meti.aifund.milestone.rest;

import static jp.go.meti.aifund.milestone.support.Goals.*;
import static jp.go.meti.aifund.milestone.support.ReviewApi.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.go.meti.aifund.platform.rest.Roles;

/** Goals that span years: their definition, the milestones that implement their checkpoints, their trajectory. */
@QuarkusTest
class GoalTest {

    @Test
    void theDemoGoalsAreDefinedAndListedByCode() {
        String programme = newProgramme();
        defineGoal(programme, modelSize()).then().statusCode(201)
                .header("Location", containsString("/api/programmes/" + programme + "/goals/"))
                .body("finalTarget", equalTo(TRILLION)).body("finalThreshold", equalTo(TRILLION))
                .body("finalFiscalYear", equalTo(2030)).body("finalDate", nullValue())
                .body("checkpoints.fiscalYear", contains(2026, 2027, 2028, 2029, 2030))
                .body("trajectory", hasSize(5)).body("trajectory.actual", everyItem(nullValue())).body("latest", nullValue())
                .body("createdBy", equalTo(NEDO));

        Map<String, Object> robots = new HashMap<>();
        robots.put("code", "ROBOTS");
        robots.put("title", "Robots deployed");
        robots.put("metric", "AI robots in deployment");
        robots.put("unit", "robots");
        robots.put("direction", "AT_LEAST");
        robots.put("finalTarget", 10_000_000);
        robots.put("finalDate", "2040-03-31");
        robots.put("sectors", IntStream.rangeClosed(1, 18).mapToObj(i -> "sector " + i).toList());
        robots.put("checkpoints", List.of(checkpoint(2026, 1_000), checkpoint(2027, 5_000), checkpoint(2028, 20_000),
                checkpoint(2029, 50_000), checkpoint(2030, 100_000)));
        String robotGoal = definedGoal(programme, robots);

        as("auditor.ito", Roles.AUDITOR).get("/api/programmes/{p}/goals", programme).then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.code", contains("MODEL-SIZE", "ROBOTS"))
                .body("items[1].finalDate", equalTo("2040-03-31")).body("items[1].sectors", hasSize(18))
                .body("items[1].trajectory", nullValue());
        as("member.kimura", Roles.CONSORTIUM_MEMBER).get("/api/programmes/{p}/goals/{g}", programme, robotGoal)
                .then().statusCode(200).body("finalFiscalYear", nullValue()).body("trajectory", hasSize(5));
    }

    @Test
    void aGoalThatBreaksARuleIsRefusedNamingTheFieldAndNothingIsDefined() {
        String programme = newProgramme();
        Map<String, Object> both = modelSize();
        both.put("finalDate", "2040-03-31");
        refused(defineGoal(programme, both), 400, "validation").body("errors[0].field", equalTo("finalDate"));
        Map<String, Object> neither = modelSize();
        neither.remove("finalFiscalYear");
        refused(defineGoal(programme, neither), 400, "validation").body("errors[0].field", equalTo("finalFiscalYear"));
        Map<String, Object> beyond = modelSize();
        beyond.put("checkpoints", List.of(checkpoint(2030, 1), checkpoint(2031, 2)));
        refused(defineGoal(programme, beyond), 400, "validation")
                .body("errors[0].field", equalTo("checkpoints[1].fiscalYear")).body("detail", containsString("FY2031"));
        Map<String, Object> descending = modelSize();
        descending.put("checkpoints", List.of(checkpoint(2027, 1), checkpoint(2026, 2)));
        refused(defineGoal(programme, descending), 400, "validation")
                .body("errors[0].field", equalTo("checkpoints[1].fiscalYear"));
        Map<String, Object> high = modelSize();
        high.put("finalThreshold", TRILLION + 1);
        refused(defineGoal(programme, high), 400, "validation").body("errors[0].field", equalTo("finalThreshold"));
        Map<String, Object> text = modelSize();
        text.put("finalTarget", "1000000000000");
        refused(defineGoal(programme, text), 400, "malformed-request");
        refused(defineGoal(UUID.randomUUID().toString(), modelSize()), 404, "not-found");
        refused(as("meti.suzuki", Roles.METI_OFFICIAL).body(modelSize()).post("/api/programmes/{p}/goals", programme),
                403, "forbidden");

        nedo().get("/api/programmes/{p}/goals", programme).then().body("totalItems", equalTo(0));
        definedGoal(programme, modelSize());
        refused(defineGoal(programme, modelSize()), 409, "conflict");
        refused(nedo().get("/api/programmes/{p}/goals/{g}", newProgramme(), UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void aMilestoneImplementsACheckpointOfItsYearInTheGoalsUnitOnlyOnce() {
        String programme = newProgramme();
        String goal = definedGoal(programme, modelSize());

        refused(define(programme, 2025, paramsImplementing(goal)), 400, "validation")
                .body("errors[0].field", equalTo("implementsGoal")).body("detail", containsString("no checkpoint in FY2025"));
        Map<String, Object> inPoints = paramsImplementing(goal);
        inPoints.put("unit", "points");
        refused(define(programme, 2026, inPoints), 400, "validation").body("errors[0].field", equalTo("implementsGoal"));
        Map<String, Object> noGoal = paramsImplementing(UUID.randomUUID().toString());
        refused(define(programme, 2026, noGoal), 400, "validation").body("errors[0].field", equalTo("implementsGoal"));
        refused(define(newProgramme(), 2026, paramsImplementing(goal)), 400, "validation")
                .body("detail", containsString("another programme"));

        String params = defined(programme, 2026, paramsImplementing(goal));
        nedo().get("/api/milestones/{m}", params).then().body("implementsGoal", equalTo(goal));
        Map<String, Object> second = paramsImplementing(goal);
        second.put("code", "PARAMS-2");
        second.put("weightBasisPoints", 1);
        refused(define(programme, 2026, second), 400, "validation").body("detail", containsString("PARAMS"));
        // its own redefinition keeps implementing it
        nedo().body(paramsImplementing(goal)).put("/api/milestones/{m}", params).then().statusCode(200);
    }

    @Test
    void theTrajectoryShowsTheStandingActualOfEachYearAndProjectsTheLatest() {
        String programme = newProgramme();
        String goal = definedGoal(programme, modelSize());
        String params = defined(programme, 2026, paramsImplementing(goal));
        String review = opened(programme, 2026);
        recordParameters(review, params, 80_000_000_000L);
        submit(nedo(), review).then().statusCode(200);
        // submitted is provisional: not yet an actual
        nedo().get("/api/programmes/{p}/goals/{g}", programme, goal).then().body("latest", nullValue());
        finalizeBy(meti(), review).then().statusCode(200);

        // 80e9 of a planned 100e9 is 4/5 of plan: 4/5 × 1e12 = 800e9, short of the threshold 1e12
        nedo().get("/api/programmes/{p}/goals/{g}", programme, goal).then().statusCode(200)
                .body("trajectory[0].actual", equalTo(80_000_000_000L)).body("trajectory[0].reviewId", equalTo(review))
                .body("trajectory[0].milestoneId", equalTo(params)).body("trajectory[0].asOf", equalTo(MEASURED_ON.toString()))
                .body("trajectory[0].projectedFinal", equalTo(800_000_000_000L)).body("trajectory[0].onTrack", equalTo(false))
                .body("trajectory[1].actual", nullValue()).body("latest.fiscalYear", equalTo(2026))
                .body("latest.onTrack", equalTo(false));

        // the amendment replaces the year's result: 120e9 of 100e9 projects 1.2e12, on track
        String amendment = nedo().body(Map.of("reason", "recount of the checkpoint run"))
                .post("/api/reviews/{r}/amendments", review).then().statusCode(201).extract().path("id");
        recordParameters(amendment, params, 120_000_000_000L);
        submit(nedo(), amendment).then().statusCode(200);
        finalizeBy(meti(), amendment).then().statusCode(200);
        nedo().get("/api/programmes/{p}/goals/{g}", programme, goal).then()
                .body("trajectory[0].reviewId", equalTo(amendment)).body("latest.actual", equalTo(120_000_000_000L))
                .body("latest.projectedFinal", equalTo(1_200_000_000_000L)).body("latest.onTrack", equalTo(true));
    }
}
