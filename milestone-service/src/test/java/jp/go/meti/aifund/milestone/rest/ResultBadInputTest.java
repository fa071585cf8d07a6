package jp.go.meti.aifund.milestone.rest;

import static jp.go.meti.aifund.milestone.support.ReviewApi.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jp.go.meti.aifund.platform.rest.Roles;

/** Each kind of bad result gets a precise 4xx problem document naming the field, and changes nothing. */
@QuarkusTest
class ResultBadInputTest {

    private String programme;
    private String milestone;
    private String review;

    @BeforeEach
    void draftReview() {
        programme = newProgramme();
        milestone = defined(programme, 2026, milestone("BENCH", 80, 60, 10_000, true));
        review = opened(programme, 2026);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> result = new HashMap<>(result(75, MEASURED_ON));
        if (value == null) {
            result.remove(field);
        } else {
            result.put(field, value);
        }
        return result;
    }

    private void refusedField(Map<String, Object> result, int status, String type, String field) {
        refused(record(nedo(), review, milestone, result), status, type).body("errors[0].field", equalTo(field));
    }

    @Test
    void anUnknownMilestoneIsNotFound() {
        refused(record(nedo(), review, UUID.randomUUID().toString(), result(75, MEASURED_ON)), 404, "not-found")
                .body("detail", containsString("milestone"));
        refused(record(nedo(), UUID.randomUUID().toString(), milestone, result(75, MEASURED_ON)), 404, "not-found")
                .body("detail", containsString("review"));
    }

    @Test
    void aMilestoneOfAnotherProgrammeOrYearIsRefused() {
        String foreign = defined(newProgramme(), 2026, milestone("BENCH", 80, 60, 10_000, true));
        refused(record(nedo(), review, foreign, result(75, MEASURED_ON)), 400, "validation")
                .body("errors[0].field", equalTo("milestoneId")).body("detail", containsString("another programme"));
        String nextYear = defined(programme, 2027, milestone("BENCH", 80, 60, 10_000, true));
        refused(record(nedo(), review, nextYear, result(75, MEASURED_ON)), 400, "validation")
                .body("detail", containsString("FY2027"));
    }

    @Test
    void theUnitMustBeTheMilestones() {
        refusedField(with("unit", "%"), 400, "validation", "unit");
    }

    @Test
    void nonNumericValuesAreRefused() {
        refusedField(with("value", "seventy-five"), 400, "malformed-request", "value");
        refusedField(with("value", "75"), 400, "malformed-request", "value");
        refusedField(with("value", true), 400, "malformed-request", "value");
        refusedField(with("value", 75.0000001), 400, "validation", "value");
        refusedField(with("value", null), 400, "validation", "value");
    }

    @Test
    void measurementsFromTheFutureOrBeforeTheYearAreRefused() {
        LocalDate tomorrowInJapan = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1);
        refusedField(with("asOf", tomorrowInJapan.toString()), 400, "validation", "asOf");
        refusedField(with("asOf", "2026-03-31"), 400, "validation", "asOf");
        refusedField(with("asOf", "2026-02-30"), 400, "malformed-request", "asOf");
    }

    @Test
    void evidenceIsRequiredAndWellFormed() {
        refusedField(with("evidence", null), 400, "validation", "evidence");
        refusedField(with("evidence", List.of()), 400, "validation", "evidence");
        refusedField(with("evidence", List.of(Map.of("uri", "https://nedo.example/r.pdf", "title", "Report",
                "digest", "not-a-digest"))), 400, "validation", "evidence[0].digest");
        refusedField(with("evidence", List.of(Map.of("uri", "file:///etc/passwd", "title", "Report",
                "digest", DIGEST))), 400, "validation", "evidence[0].uri");
        refusedField(with("evidence", List.of(Map.of("uri", "https://nedo.example/r.pdf", "title", "Report",
                "digest", DIGEST, "checksum", "x"))), 400, "malformed-request", "evidence[0].checksum");
    }

    @Test
    void unknownFieldsAndBrokenJsonAreRefused() {
        refusedField(with("assessment", "MET"), 400, "malformed-request", "assessment");
        refused(nedo().body("{\"value\": 75,").put("/api/reviews/{r}/results/{m}", review, milestone), 400,
                "malformed-request");
    }

    @Test
    void onlyNedoOfficersRecordAndOnlyWithAValidToken() {
        refused(record(meti(), review, milestone, result(75, MEASURED_ON)), 403, "forbidden");
        refused(record(as("member.sony", Roles.CONSORTIUM_MEMBER), review, milestone, result(75, MEASURED_ON)), 403,
                "forbidden");
        refused(RestAssured.given().contentType("application/json").body(result(75, MEASURED_ON))
                .put("/api/reviews/{r}/results/{m}", review, milestone), 401, "unauthorized");
    }

    @Test
    void nothingWasRecordedByAnyRefusal() {
        record(nedo(), review, milestone, with("unit", "%"));
        record(nedo(), review, milestone, with("evidence", List.of()));
        nedo().get("/api/reviews/{r}", review).then().statusCode(200).body("results.size()", equalTo(0));
    }
}
