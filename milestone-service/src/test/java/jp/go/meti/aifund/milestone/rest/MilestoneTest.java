package jp.go.meti.aifund.milestone.rest;

import static jp.go.meti.aifund.milestone.support.ReviewApi.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.go.meti.aifund.platform.rest.Roles;

/** Defining the milestones of a year: validation, weights, and versions once a result refers to one. */
@QuarkusTest
class MilestoneTest {

    @Test
    void aYearsMilestonesShowTheirTotalWeightAndTheReviewDueDate() {
        String programme = newProgramme();
        Map<String, Object> energy = milestone("ENERGY", 900, 1200, 3000, false);
        energy.put("direction", "AT_MOST");
        energy.put("unit", "MWh");
        define(programme, 2026, energy).then().statusCode(201).header("Location", containsString("/api/milestones/"))
                .body("version", equalTo(1)).body("direction", equalTo("AT_MOST")).body("threshold", equalTo(1200))
                .body("createdBy", equalTo(NEDO));
        as("auditor.ito", Roles.AUDITOR).get("/api/programmes/{p}/fiscal-years/2026/milestones", programme)
                .then().statusCode(200).body("totalWeightBasisPoints", equalTo(3000))
                .body("weightsComplete", equalTo(false)).body("reviewDueDate", equalTo("2027-06-30"))
                .body("milestones.code", contains("ENERGY"));

        defined(programme, 2026, milestone("PARAMS", new BigDecimal("1000000000000"), new BigDecimal("400000000000"),
                7000, true));
        nedo().get("/api/programmes/{p}/fiscal-years/2026/milestones", programme).then()
                .body("weightsComplete", equalTo(true)).body("milestones.code", contains("ENERGY", "PARAMS"))
                .body("milestones[1].target", equalTo(1000000000000L));
    }

    @Test
    void aThresholdOnTheWrongSideOrWeightsOverOneHundredPercentAreRefused() {
        String programme = newProgramme();
        refused(define(programme, 2026, milestone("BENCH", 80, 90, 5000, false)), 400, "validation")
                .body("errors[0].field", equalTo("threshold"));
        Map<String, Object> energy = milestone("ENERGY", 900, 800, 5000, false);
        energy.put("direction", "AT_MOST");
        refused(define(programme, 2026, energy), 400, "validation").body("errors[0].field", equalTo("threshold"));

        defined(programme, 2026, milestone("BENCH", 80, 60, 6000, false));
        refused(define(programme, 2026, milestone("PARAMS", 80, 60, 4001, false)), 400, "validation")
                .body("errors[0].field", equalTo("weightBasisPoints")).body("detail", containsString("100.01 %"));
        refused(define(programme, 2026, milestone("BENCH", 90, 60, 1000, false)), 409, "conflict");
        refused(define(programme, 2026, milestone("bad code", 80, 60, 1000, false)), 400, "validation")
                .body("errors[0].field", equalTo("code"));
        refused(define(programme, 2026, milestone("ZERO", 80, 60, 0, false)), 400, "validation")
                .body("errors[0].field", equalTo("weightBasisPoints"));
        refused(define(programme, 1999, milestone("OLD", 80, 60, 100, false)), 400, "validation")
                .body("errors[0].field", equalTo("fiscalYear"));
    }

    @Test
    void aMilestoneIsEditedInPlaceUntilAResultRefersToItThenVersioned() {
        String programme = newProgramme();
        String id = defined(programme, 2026, milestone("BENCH", 80, 60, 10_000, true));
        nedo().body(milestone("BENCH", 85, 60, 10_000, true)).put("/api/milestones/{m}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("version", equalTo(1)).body("target", equalTo(85));

        String review = opened(programme, 2026);
        recorded(review, id, 85, MEASURED_ON);
        String v2 = nedo().body(milestone("BENCH", 90, 70, 10_000, true)).put("/api/milestones/{m}", id)
                .then().statusCode(201).body("version", equalTo(2)).body("id", not(equalTo(id)))
                .extract().path("id");
        nedo().get("/api/milestones/{m}", id).then().body("supersededBy", equalTo(v2)).body("target", equalTo(85));
        nedo().get("/api/programmes/{p}/fiscal-years/2026/milestones?includeSuperseded=true", programme).then()
                .body("milestones", hasSize(2)).body("milestones.version", contains(1, 2));
        refused(nedo().body(milestone("BENCH", 95, 70, 10_000, true)).put("/api/milestones/{m}", id), 409, "conflict");
        refused(nedo().body(milestone("OTHER", 95, 70, 10_000, true)).put("/api/milestones/{m}", v2), 400, "validation")
                .body("errors[0].field", equalTo("code"));
        refused(nedo().delete("/api/milestones/{m}", id), 409, "conflict");

        // the draft's result is for the superseded version: it must be recorded again before submitting
        refused(submit(nedo(), review), 409, "conflict").body("detail", containsString("BENCH v1"))
                .body("detail", containsString("record each again against its current version"));
        nedo().delete("/api/reviews/{r}/results/{m}", review, id).then().statusCode(204);
        recorded(review, v2, 90, MEASURED_ON);
        submit(nedo(), review).then().statusCode(200).body("results[0].milestoneVersion", equalTo(2));
    }

    @Test
    void anUnassessedMilestoneCanBeRemoved() {
        String programme = newProgramme();
        String id = defined(programme, 2026, milestone("DRAFTED", 80, 60, 100, false));
        nedo().delete("/api/milestones/{m}", id).then().statusCode(204);
        refused(nedo().get("/api/milestones/{m}", id), 404, "not-found");
    }
}
