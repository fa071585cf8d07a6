package jp.go.meti.aifund.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.notification.service.DeadlineCheck;
import jp.go.meti.aifund.notification.support.Events;
import jp.go.meti.aifund.notification.support.Events.Member;
import jp.go.meti.aifund.platform.rest.Roles;

/** Warnings over REST: their life cycle, deadlines, the ceiling, the what-if preview, and bad input. */
@QuarkusTest
class WarningApiTest {

    private static final List<Member> MEMBERS = List.of(new Member(UUID.randomUUID(), "SoftBank", 6000),
            new Member(UUID.randomUUID(), "NEC", 4000));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    DeadlineCheck deadlines;

    private static RequestSpecification as(String person, String role) {
        return given().auth().oauth2(Tokens.of(person, role)).contentType(ContentType.JSON);
    }

    private void publish(ObjectNode tranche) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ProducerRecord<String, String> r = new ProducerRecord<>("aifund.tranche-events.v1",
                    tranche.get("partitionkey").asText(), tranche.toString());
            r.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(r).awaitCompletion();
        }
    }

    private List<Map<String, Object>> warnings(UUID programme, String kind) {
        return as("auditor.ito", Roles.AUDITOR).get("/api/warnings?programmeId={p}&kind={k}", programme, kind)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void aLowHeadroomWarnsOnceAndTheWarningIsAcknowledgedThenResolvedWithWhoAndWhy() {
        UUID programme = UUID.randomUUID();
        publish(Events.tranche(programme, UUID.randomUUID(), 2027, "APPROVED", 10, 99_999_999_999L, MEMBERS));
        publish(Events.tranche(programme, UUID.randomUUID(), 2027, "APPROVED", 10, 90_000_000_000L, MEMBERS));
        await().atMost(Duration.ofSeconds(30)).until(() -> !warnings(programme, "CEILING_NEAR").isEmpty());
        publish(Events.tranche(programme, UUID.randomUUID(), 2027, "PLANNED", 10, 80_000_000_000L, MEMBERS));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> warnings(programme, "CEILING_NEAR").size() == 1);
        String id = (String) warnings(programme, "CEILING_NEAR").get(0).get("id");

        as("member.sony", Roles.CONSORTIUM_MEMBER).post("/api/warnings/{w}/acknowledge", id).then().statusCode(403);
        String open = as("auditor.ito", Roles.AUDITOR).get("/api/warnings/{w}", id).then().extract().header("ETag");
        as("meti.suzuki", Roles.METI_OFFICIAL).header("If-Match", "\"not-this-version\"")
                .post("/api/warnings/{w}/acknowledge", id).then().statusCode(412);
        as("meti.suzuki", Roles.METI_OFFICIAL).header("If-Match", open).body(Map.of("note", "reviewing FY2028 plan"))
                .post("/api/warnings/{w}/acknowledge", id).then().statusCode(200).body("state", equalTo("ACKNOWLEDGED"))
                .body("acknowledged.by", equalTo("meti.suzuki")).body("acknowledged.note", equalTo("reviewing FY2028 plan"));
        as("meti.suzuki", Roles.METI_OFFICIAL).post("/api/warnings/{w}/acknowledge", id).then().statusCode(409);
        as("meti.takahashi", Roles.METI_OFFICIAL).header("If-Match", open).body(Map.of("note", "too late"))
                .post("/api/warnings/{w}/resolve", id).then().statusCode(412); // acknowledged since it was read
        as("meti.takahashi", Roles.METI_OFFICIAL).body(Map.of("note", "envelopes re-planned"))
                .post("/api/warnings/{w}/resolve", id).then().statusCode(200).body("state", equalTo("RESOLVED"))
                .body("resolved.by", equalTo("meti.takahashi"));
        as("auditor.ito", Roles.AUDITOR).get("/api/warnings?programmeId={p}&state=OPEN", programme).then()
                .body("items", empty());
        as("auditor.ito", Roles.AUDITOR).get("/api/warnings?programmeId={p}&state=RESOLVED&size=1", programme).then()
                .body("items", hasSize(1)).body("totalItems", equalTo(1));
    }

    @Test
    void theDeadlineCheckRemindsThenWarnsOnceAndAFinalizedReviewResolvesIt() {
        UUID programme = UUID.randomUUID();
        publish(Events.tranche(programme, UUID.randomUUID(), 2027, "PLANNED", 10, 900_000_000_000L, MEMBERS));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("x", Roles.METI_OFFICIAL).body(Map.of("programmeId",
                programme.toString(), "fiscalYear", 2026, "milestones", List.of(Map.of("code", "P", "direction",
                        "AT_LEAST", "target", 80, "threshold", 60, "actual", 10, "weightBasisPoints", 10_000, "critical",
                        true)))).post("/api/what-if").then().extract().jsonPath().getList("tranchesToHold").size() == 1);

        deadlines.run(LocalDate.of(2027, 6, 1)); // FY2026's review is due on 2027-06-30
        deadlines.run(LocalDate.of(2027, 6, 2));
        assertThat(warnings(programme, "REVIEW_DUE_SOON")).hasSize(1);
        double overdueBefore = reviewsOverdue();
        deadlines.run(LocalDate.of(2027, 7, 1));
        deadlines.run(LocalDate.of(2027, 7, 2));
        assertThat(warnings(programme, "REVIEW_OVERDUE")).hasSize(1).first().satisfies(w -> assertThat(w)
                .containsEntry("severity", "WARNING").containsEntry("fiscalYear", 2026));
        assertThat(reviewsOverdue()).as("the gauge AifundReviewOverdue pages on").isGreaterThanOrEqualTo(overdueBefore + 1);
    }

    private static double reviewsOverdue() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("aifund_reviews_overdue ")).map(l -> Double.valueOf(l.substring(l.indexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    @Test
    void theWhatIfPreviewComputesWithoutStoringAnything() {
        UUID programme = UUID.randomUUID();
        publish(Events.tranche(programme, UUID.randomUUID(), 2027, "APPROVED", 1_000_001, 900_000_000_000L, MEMBERS));
        Map<String, Object> draft = Map.of("programmeId", programme.toString(), "fiscalYear", 2026, "milestones", List.of(
                Map.of("code", "PARAMS", "direction", "AT_LEAST", "target", 100, "threshold", 60, "actual", 59,
                        "weightBasisPoints", 6000, "critical", true),
                Map.of("code", "ENERGY", "direction", "AT_MOST", "target", 900, "threshold", 1200, "actual", 1050,
                        "weightBasisPoints", 4000, "critical", false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("x", Roles.NEDO_OFFICER).body(draft).post("/api/what-if")
                .then().extract().jsonPath().getList("tranchesToHold").size() == 1);
        // ENERGY halfway: 40 % × 50 % = 20.00 %; reduction ¥1,000,001 × 80 % = 800,000.8 → ¥800,000 (¥480,000 + ¥320,000)
        as("nedo.tanaka", Roles.NEDO_OFFICER).body(draft).post("/api/what-if").then().statusCode(200)
                .body("scoreBasisPoints", equalTo(2000)).body("score", equalTo("1/5")).body("outcome", equalTo("FAILED"))
                .body("assessments.assessment", org.hamcrest.Matchers.contains("MISSED", "PARTIALLY_MET"))
                .body("assessments.achievement", org.hamcrest.Matchers.contains("0/1", "1/2"))
                .body("warnings[0].reduction.score", equalTo("1/5"))
                .body("warnings[0].kind", equalTo("PULLBACK_RECOMMENDED"))
                .body("warnings[0].reduction.amount", equalTo(800_000))
                .body("warnings[0].reduction.parts.amount", org.hamcrest.Matchers.contains(480_000, 320_000));
        assertThat(warnings(programme, "PULLBACK_RECOMMENDED")).isEmpty();
    }

    @Test
    void anAcceptHeaderTheApiDoesNotAnswerIsA406ProblemDocumentForListsAsForOneResource() {
        for (String type : List.of("application/xml", "text/html")) {
            String body = given().auth().oauth2(Tokens.of("auditor.ito", Roles.AUDITOR)).accept(type)
                    .get("/api/warnings").then().statusCode(406).contentType("application/problem+json")
                    .extract().asString();
            assertThat(body).doesNotContain("Page[").doesNotContain("WarningView[");
        }
        given().auth().oauth2(Tokens.of("auditor.ito", Roles.AUDITOR)).accept("application/xml")
                .get("/api/dashboard").then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void badRequestsAreProblemDocumentsNamingTheField() {
        RequestSpecification nedo = as("nedo.tanaka", Roles.NEDO_OFFICER);
        nedo.body(Map.of("programmeId", UUID.randomUUID().toString(), "fiscalYear", 2026, "milestones", List.of(
                Map.of("code", "P", "direction", "AT_LEAST", "target", 80, "threshold", 60, "actual", 70,
                        "weightBasisPoints", 5000, "critical", true)))).post("/api/what-if").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("50.00 %"));
        as("nedo.tanaka", Roles.NEDO_OFFICER).body(Map.of("fiscalYear", 2026)).post("/api/what-if").then()
                .statusCode(400).body("errors[0].field", equalTo("reviewId"));
        as("nedo.tanaka", Roles.NEDO_OFFICER).body(Map.of("reviewId", UUID.randomUUID().toString()))
                .post("/api/what-if").then().statusCode(404).contentType("application/problem+json");
        as("admin.sato", Roles.PROGRAMME_ADMIN).body(Map.of("url", "ftp://x", "minSeverity", "CRITICAL"))
                .post("/api/webhook-subscriptions").then().statusCode(400).body("errors[0].field", equalTo("url"));
        as("admin.sato", Roles.PROGRAMME_ADMIN).body(Map.of("url", "https://x.example/h", "minSeverity", "LOUD"))
                .post("/api/webhook-subscriptions").then().statusCode(400).body("errors[0].field", equalTo("minSeverity"));
        as("nedo.tanaka", Roles.NEDO_OFFICER).body(Map.of("url", "https://x.example/h", "minSeverity", "INFO"))
                .post("/api/webhook-subscriptions").then().statusCode(403);
        as("auditor.ito", Roles.AUDITOR).get("/api/warnings/{w}", UUID.randomUUID()).then().statusCode(404);
        given().get("/api/warnings").then().statusCode(401).contentType("application/problem+json");
    }
}
