package jp.go.meti.aifund.milestone.rest;

import static jp.go.meti.aifund.milestone.support.ReviewApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.go.meti.aifund.infra.testing.BareRequests;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.milestone.support.Programmes;
import jp.go.meti.aifund.milestone.support.ReviewApi.Year;
import jp.go.meti.aifund.platform.rest.Roles;

/** The review's life cycle over REST, against the real database: every step, and every refusal. */
@QuarkusTest
class ReviewWorkflowTest {

    @Test
    void nedoSubmitsMetiFinalizesAndTheServiceComputesTheOutcome() {
        Year year = yearUnderReview(2026);
        recorded(year.review(), year.critical(), 80, MEASURED_ON);          // MET, 100 %
        record(nedo(), year.review(), year.other(), result(new BigDecimal("75.0"), MEASURED_ON)).then().statusCode(200)
                .body("assessment", equalTo("PARTIALLY_MET")).body("achievementBasisPoints", equalTo(7500))
                .body("achievement", equalTo("3/4"))
                .body("value", equalTo(75)).body("evidence", hasSize(1));

        submit(nedo(), year.review()).then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("technicalEvaluation.agency", equalTo("NEDO")).body("technicalEvaluation.by", equalTo(NEDO))
                .body("scoreBasisPoints", equalTo(9000)).body("outcome", equalTo("PASSED"));

        finalizeBy(meti(), year.review()).then().statusCode(200).body("state", equalTo("FINALIZED"))
                .body("decision.agency", equalTo("METI")).body("decision.by", equalTo(METI))
                .body("decision.note", equalTo("METI decision"))
                // 60 % × 100 % + 40 % × 75 % = 90.00 %
                .body("scoreBasisPoints", equalTo(9000)).body("score", equalTo("9/10")).body("outcome", equalTo("PASSED"))
                .body("ruleVersion", equalTo("review-scoring/2")).body("results", hasSize(2));
    }

    /** 79.995 and 80.005 of 100, equal weights: exactly 80 %, a pass (shown 7999 bp + 8000 bp, never summed). */
    @Test
    void theOutcomeIsDecidedOnTheExactScore() {
        String programme = newProgramme();
        String low = defined(programme, 2026, milestone("BENCH-A", 100, 0, 5000, true));
        String high = defined(programme, 2026, milestone("BENCH-B", 100, 0, 5000, false));
        String review = opened(programme, 2026);
        record(nedo(), review, low, result(new BigDecimal("79.995"), MEASURED_ON)).then().statusCode(200)
                .body("achievement", equalTo("15999/20000")).body("achievementBasisPoints", equalTo(7999));
        recorded(review, high, new BigDecimal("80.005"), MEASURED_ON);
        submit(nedo(), review).then().statusCode(200);
        finalizeBy(meti(), review).then().statusCode(200).body("score", equalTo("4/5"))
                .body("scoreBasisPoints", equalTo(8000)).body("outcome", equalTo("PASSED"));
    }

    @Test
    void stepsWithoutABodyNeedNoContentType() {
        Year year = yearUnderReview(2026);
        recorded(year.review(), year.critical(), 80, MEASURED_ON);
        recorded(year.review(), year.other(), 80, MEASURED_ON);
        assertThat(BareRequests.postWithoutBody(url("/api/reviews/" + year.review() + "/submit"),
                Tokens.of(NEDO, Roles.NEDO_OFFICER))).isEqualTo(200);
        assertThat(BareRequests.postWithoutBody(url("/api/reviews/" + year.review() + "/finalize"),
                Tokens.of(METI, Roles.METI_OFFICIAL))).isEqualTo(200);
        meti().get("/api/reviews/{r}", year.review()).then().body("state", equalTo("FINALIZED"))
                .body("decision.note", nullValue());
    }

    @Test
    void aMissedCriticalMilestoneFailsTheReview() {
        Year year = yearUnderReview(2026);
        year.submitted(59, 80, MEASURED_ON);
        finalizeBy(meti(), year.review()).then().statusCode(200)
                .body("scoreBasisPoints", equalTo(4000)).body("outcome", equalTo("FAILED"));
    }

    @Test
    void everyIllegalTransitionIsRefusedWithAProblemDocument() {
        Year year = yearUnderReview(2026);
        refused(finalizeBy(meti(), year.review()), 409, "conflict");                       // DRAFT cannot be finalized
        refused(meti().body(Map.of("reason", "x")).post("/api/reviews/{r}/return", year.review()), 409, "conflict");
        refused(nedo().body(Map.of("reason", "x")).post("/api/reviews/{r}/amendments", year.review()), 409, "conflict");

        year.submitted(80, 80, MEASURED_ON);
        refused(submit(nedo(), year.review()), 409, "conflict");                          // already submitted
        refused(record(nedo(), year.review(), year.other(), result(70, MEASURED_ON)), 409, "conflict");

        finalizeBy(meti(), year.review()).then().statusCode(200);
        refused(finalizeBy(as(METI_2, Roles.METI_OFFICIAL), year.review()), 409, "conflict");
        refused(submit(nedo(), year.review()), 409, "conflict");
        refused(meti().body(Map.of("reason", "x")).post("/api/reviews/{r}/return", year.review()), 409, "conflict");
        refused(record(nedo(), year.review(), year.other(), result(70, MEASURED_ON)), 409, "conflict")
                .body("detail", containsString("amend it instead"));
        refused(nedo().delete("/api/reviews/{r}/results/{m}", year.review(), year.other()), 409, "conflict");
        refused(nedo().post("/api/programmes/{p}/fiscal-years/{fy}/reviews", year.programme(), 2026), 409, "conflict")
                .body("detail", containsString("amend that review"));
    }

    @Test
    void theSubmitterCannotFinalizeWhateverRolesTheyHold() {
        Year year = yearUnderReview(2026);
        recorded(year.review(), year.critical(), 80, MEASURED_ON);
        recorded(year.review(), year.other(), 80, MEASURED_ON);
        var both = as("dual.role", Roles.NEDO_OFFICER, Roles.METI_OFFICIAL);
        submit(both, year.review()).then().statusCode(200);

        refused(finalizeBy(as("dual.role", Roles.NEDO_OFFICER, Roles.METI_OFFICIAL), year.review()), 403, "four-eyes");
        finalizeBy(meti(), year.review()).then().statusCode(200).body("technicalEvaluation.by", equalTo("dual.role"));
    }

    @Test
    void aConflictedReviewerCanNeitherRecordNorFinalizeThatRecipientsResults() {
        Programmes.Known known = Programmes.known("Noetra", "Sony Group");
        String programme = known.id();
        String sony = known.recipient("Sony Group");
        Map<String, Object> robots = milestone("ROBOTS", 100, 50, 10_000, true);
        robots.put("recipientId", sony);
        String milestone = defined(programme, 2026, robots);
        String review = opened(programme, 2026);
        admin().body(Map.of("reviewer", NEDO_2, "recipientId", sony, "reason", "former Sony Group employee"))
                .post("/api/conflicts").then().statusCode(201).body("declaredBy", equalTo(ADMIN));
        as(METI_2, Roles.METI_OFFICIAL).body(Map.of("reviewer", METI_2, "recipientId", sony, "reason", "shareholder"))
                .post("/api/conflicts").then().statusCode(201);
        refused(as(METI, Roles.METI_OFFICIAL).body(Map.of("reviewer", NEDO, "recipientId", sony, "reason", "x"))
                .post("/api/conflicts"), 403, "not-permitted");

        refused(record(as(NEDO_2, Roles.NEDO_OFFICER), review, milestone, result(90, MEASURED_ON)), 403,
                "conflict-of-interest").body("detail", containsString("former Sony Group employee"));
        recorded(review, milestone, 90, MEASURED_ON);
        submit(nedo(), review).then().statusCode(200);
        refused(finalizeBy(as(METI_2, Roles.METI_OFFICIAL), review), 403, "conflict-of-interest");
        finalizeBy(meti(), review).then().statusCode(200);
    }

    /** METI finalizes the version it read: a review returned and resubmitted since is another version. */
    @Test
    void finalizingAStaleVersionIsRefused() {
        Year year = yearUnderReview(2026);
        year.submitted(70, 70, MEASURED_ON);
        String read = meti().get("/api/reviews/{r}", year.review()).then().extract().header("ETag");
        meti().body(Map.of("reason", "evidence missing")).post("/api/reviews/{r}/return", year.review()).then()
                .statusCode(200);
        recorded(year.review(), year.critical(), 85, MEASURED_ON);
        submit(nedo(), year.review()).then().statusCode(200);
        refused(meti().header("If-Match", read).body(Map.of()).post("/api/reviews/{r}/finalize", year.review()), 412,
                "stale-version");
        String current = meti().get("/api/reviews/{r}", year.review()).then().body("state", equalTo("SUBMITTED"))
                .extract().header("ETag");
        meti().header("If-Match", current).body(Map.of()).post("/api/reviews/{r}/finalize", year.review()).then()
                .statusCode(200).body("state", equalTo("FINALIZED"));
    }

    @Test
    void metiMayReturnASubmittedReviewForCorrection() {
        Year year = yearUnderReview(2026);
        year.submitted(70, 70, MEASURED_ON);
        meti().body(Map.of("reason", "evidence for PARAMS is a draft report")).post("/api/reviews/{r}/return", year.review())
                .then().statusCode(200).body("state", equalTo("DRAFT")).body("returned.by", equalTo(METI))
                .body("returned.note", equalTo("evidence for PARAMS is a draft report"))
                .body("outcome", nullValue());
        recorded(year.review(), year.critical(), 85, MEASURED_ON);
        submit(as(NEDO_2, Roles.NEDO_OFFICER), year.review()).then().statusCode(200)
                .body("scoreBasisPoints", equalTo(8000)).body("technicalEvaluation.by", equalTo(NEDO_2));
    }

    @Test
    void anAmendmentIsANewRevisionAndTheOriginalStaysReadable() {
        Year year = yearUnderReview(2026);
        year.submitted(59, 80, MEASURED_ON);
        finalizeBy(meti(), year.review()).then().statusCode(200).body("outcome", equalTo("FAILED"));

        String amendment = nedo().body(Map.of("reason", "PARAMS was measured before the final checkpoint"))
                .post("/api/reviews/{r}/amendments", year.review()).then().statusCode(201)
                .body("revision", equalTo(2)).body("amends", equalTo(year.review())).body("state", equalTo("DRAFT"))
                .body("results", hasSize(2)).extract().path("id");
        refused(nedo().body(Map.of("reason", "again")).post("/api/reviews/{r}/amendments", year.review()), 409, "conflict");
        recorded(amendment, year.critical(), 80, MEASURED_ON);
        submit(nedo(), amendment).then().statusCode(200);
        finalizeBy(as(METI_2, Roles.METI_OFFICIAL), amendment).then().statusCode(200).body("outcome", equalTo("PASSED"));

        meti().get("/api/reviews/{r}", year.review()).then().statusCode(200).body("state", equalTo("FINALIZED"))
                .body("outcome", equalTo("FAILED")).body("amendedBy", equalTo(amendment))
                .body("results.find { it.code == 'PARAMS' }.value", equalTo(59));
        meti().get("/api/reviews?programmeId={p}", year.programme()).then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.revision", contains(1, 2))
                .body("items[0].results", nullValue());
    }

    @Test
    void aReviewNeedsEveryMilestoneAndWeightsOfExactlyOneHundredPercent() {
        String programme = newProgramme();
        String a = defined(programme, 2026, milestone("PARAMS", 80, 60, 6000, true));
        String review = opened(programme, 2026);
        recorded(review, a, 80, MEASURED_ON);
        refused(submit(nedo(), review), 409, "conflict").body("detail", containsString("60.00 %"));

        String b = defined(programme, 2026, milestone("BENCH", 80, 60, 4000, false));
        refused(submit(nedo(), review), 409, "conflict").body("detail", containsString("[BENCH]"));
        recorded(review, b, 80, MEASURED_ON);
        submit(nedo(), review).then().statusCode(200).body("outcome", equalTo("PASSED"));
    }

    @Test
    void overdueYearsAreListedUntilTheirReviewIsFinalized() {
        // FY2024's reviews were due on 2025-06-30
        Year year = yearUnderReview(2024);
        String lateWithoutReview = newProgramme();
        defined(lateWithoutReview, 2024, milestone("PARAMS", 80, 60, 10_000, true));

        meti().queryParam("programmeId", year.programme()).get("/api/reviews/overdue").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].reviewId", equalTo(year.review()))
                .body("items[0].dueDate", equalTo("2025-06-30"));
        meti().queryParam("programmeId", lateWithoutReview).get("/api/reviews/overdue").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].reviewId", nullValue())
                .body("items[0].daysOverdue", notNullValue());
        meti().get("/api/reviews/{r}", year.review()).then().body("overdue", equalTo(true));

        year.submitted(80, 80, LocalDate.of(2025, 3, 31));
        finalizeBy(meti(), year.review()).then().statusCode(200);
        meti().queryParam("programmeId", year.programme()).get("/api/reviews/overdue").then().statusCode(200)
                .body("items", hasSize(0)).body("totalItems", equalTo(0));
    }
}
