package jp.go.meti.aifund.milestone.outbound;

import static jp.go.meti.aifund.milestone.support.ReviewApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.milestone.support.Goals;
import jp.go.meti.aifund.milestone.support.InjectedFailure;
import jp.go.meti.aifund.milestone.support.Programmes;
import jp.go.meti.aifund.milestone.support.ReviewApi.Year;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * What an external consumer of the review topic sees: one schema-valid CloudEvent per step,
 * keyed by programme, carrying everything needed to act; and nothing for a step that rolled back.
 */
@QuarkusTest
class ReviewEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "aifund.milestone.review-topic")
    String topic;
    @Inject
    InjectedFailure failure;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> consumer;

    @BeforeEach
    void subscribe() {
        kafka = new KafkaCompanion(bootstrapServers);
        consumer = kafka.consumeStrings().fromTopics(topic);
    }

    @AfterEach
    void close() {
        consumer.stop();
        kafka.close();
    }

    @Test
    void finalizingPublishesExactlyOneSchemaValidEventWithEverythingAConsumerNeeds() {
        Year year = yearUnderReview(2026);
        year.submitted(59, 70, MEASURED_ON);
        finalizeBy(meti(), year.review()).then().statusCode(200);
        // a later step of the same programme: once its event is here, a duplicate before it would be too
        String earlierYear = defined(year.programme(), 2025, milestone("PARAMS", 80, 60, 10_000, true));
        String laterReview = opened(year.programme(), 2025);
        recorded(laterReview, earlierYear, 80, LocalDate.of(2026, 1, 15));
        submit(nedo(), laterReview).then().statusCode(200);
        List<JsonNode> events = eventsOf(year.programme(), 3);

        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(ReviewEvents.SUBMITTED,
                ReviewEvents.FINALIZED, ReviewEvents.SUBMITTED);
        JsonNode finalized = events.get(1);
        assertThat(finalized.at("/data/reviewId").asText()).isEqualTo(year.review());
        assertThat(finalized.at("/data/outcome").asText()).isEqualTo("FAILED");
        assertThat(finalized.at("/data/scoreBasisPoints").asInt()).isEqualTo(2000); // 40 % × 50 %
        assertThat(finalized.at("/data/score").asText()).isEqualTo("1/5");
        assertThat(finalized.at("/data/ruleVersion").asText()).isEqualTo("review-scoring/2");
        assertThat(finalized.at("/data/technicalEvaluation/person").asText()).isEqualTo(NEDO);
        assertThat(finalized.at("/data/decision/person").asText()).isEqualTo(METI);
        JsonNode params = finalized.at("/data/milestones/0");
        assertThat(params.get("code").asText()).isEqualTo("PARAMS");
        assertThat(params.get("target").asText()).isEqualTo("80");
        assertThat(params.get("threshold").asText()).isEqualTo("60");
        assertThat(params.get("actual").asText()).isEqualTo("59");
        assertThat(params.get("assessment").asText()).isEqualTo("MISSED");
        assertThat(params.get("achievement").asText()).isEqualTo("0/1");
        assertThat(params.get("critical").asBoolean()).isTrue();
        assertThat(params.get("weightBasisPoints").asInt()).isEqualTo(6000);
        assertThat(params.at("/evidence/0/digest").asText()).isEqualTo(DIGEST);
        assertThat(params.get("goal").isNull()).as("it implements no goal").isTrue();
        for (JsonNode event : events) {
            assertThat(Contracts.violations(event)).as("schema violations of %s", event).isEmpty();
        }
    }

    @Test
    void aMilestoneImplementingAGoalCarriesTheGoalAndWhereItsActualProjectsIt() {
        String programme = newProgramme();
        Map<String, Object> robots = Goals.modelSize();
        robots.put("code", "ROBOTS");
        robots.put("unit", "parameters");
        robots.remove("finalFiscalYear");
        robots.put("finalDate", "2040-03-31");
        robots.put("finalThreshold", 900_000_000_000L);
        String goal = Goals.definedGoal(programme, robots);
        String params = defined(programme, 2026, Goals.paramsImplementing(goal));
        String review = opened(programme, 2026);
        Goals.recordParameters(review, params, 89_999_999_999L);
        submit(nedo(), review).then().statusCode(200);
        finalizeBy(meti(), review).then().statusCode(200);

        List<JsonNode> events = eventsOf(programme, 2);
        events.forEach(e -> assertThat(Contracts.violations(e)).as("schema violations of %s", e).isEmpty());
        JsonNode carried = events.get(1).at("/data/milestones/0/goal");
        assertThat(carried.get("goalId").asText()).isEqualTo(goal);
        assertThat(carried.get("code").asText()).isEqualTo("ROBOTS");
        assertThat(carried.get("finalTarget").asText()).isEqualTo("1000000000000");
        assertThat(carried.get("finalThreshold").asText()).isEqualTo("900000000000");
        assertThat(carried.get("finalFiscalYear").isNull()).isTrue();
        assertThat(carried.get("finalDate").asText()).isEqualTo("2040-03-31");
        assertThat(carried.get("checkpointFiscalYear").asInt()).isEqualTo(2026);
        assertThat(carried.get("checkpointTarget").asText()).isEqualTo("100000000000");
        // 89,999,999,999 × 1e12 ÷ 1e11 = 899,999,999,990: ten short of the threshold 900e9
        assertThat(carried.get("projectedFinal").asText()).isEqualTo("899999999990");
        assertThat(carried.get("onTrack").asBoolean()).isFalse();
        assertThat(events.get(0).at("/data/milestones/0/goal/onTrack").asBoolean()).isFalse();
    }

    /** The recipient's report and the verifier's verdict travel with the result they concern. */
    @Test
    void aReportedAndVerifiedResultCarriesWhoReportedAndTheVerdict() {
        Programmes.Known programme = Programmes.known("Noetra", "Sony");
        Map<String, Object> sonys = milestone("TOKENS", 80, 60, 10_000, true);
        sonys.put("recipientId", programme.recipient("Sony"));
        String milestone = defined(programme.id(), 2026, sonys);
        String review = opened(programme.id(), 2026);
        admin().body(Map.of("verificationRequired", true))
                .put("/api/programmes/{p}/review-settings", programme.id()).then().statusCode(200);
        bearer(Tokens.member("member.sony", programme.recipient("Sony"))).body(result(85, MEASURED_ON))
                .put("/api/reviews/{r}/result-drafts/{m}", review, milestone).then().statusCode(200);
        nedo().post("/api/reviews/{r}/result-drafts/{m}/accept", review, milestone).then().statusCode(200);
        submit(nedo(), review).then().statusCode(200);
        as("verifier.kato", Roles.VERIFIER).body(Map.of("verdict", "VERIFIED", "reason", "Logs match the report"))
                .put("/api/reviews/{r}/results/{m}/verification", review, milestone).then().statusCode(200);
        finalizeBy(meti(), review).then().statusCode(200);

        List<JsonNode> events = eventsOf(programme.id(), 2);
        events.forEach(e -> assertThat(Contracts.violations(e)).as("schema violations of %s", e).isEmpty());
        JsonNode submitted = events.get(0).at("/data/milestones/0");
        assertThat(submitted.get("reportedBy").asText()).isEqualTo("member.sony");
        assertThat(submitted.get("verification").isNull()).as("verified after the submission").isTrue();
        JsonNode finalized = events.get(1).at("/data/milestones/0");
        assertThat(finalized.get("recordedBy").asText()).isEqualTo(NEDO);
        assertThat(finalized.get("reportedBy").asText()).isEqualTo("member.sony");
        assertThat(finalized.at("/verification/verdict").asText()).isEqualTo("VERIFIED");
        assertThat(finalized.at("/verification/reason").asText()).isEqualTo("Logs match the report");
        assertThat(finalized.at("/verification/verifiedBy").asText()).isEqualTo("verifier.kato");
    }

    @Test
    void aRolledBackFinalizePublishesNothing() {
        Year year = yearUnderReview(2026);
        year.submitted(80, 80, MEASURED_ON);
        failure.failNextEventWrite();
        refused(finalizeBy(meti(), year.review()), 500, "internal");
        meti().get("/api/reviews/{r}", year.review()).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("SUBMITTED"));

        finalizeBy(as(METI_2, Roles.METI_OFFICIAL), year.review()).then().statusCode(200);
        List<JsonNode> events = eventsOf(year.programme(), 2);
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly(ReviewEvents.SUBMITTED, ReviewEvents.FINALIZED);
        assertThat(events.get(1).at("/data/decision/person").asText()).isEqualTo(METI_2);
    }

    @Test
    void aFinalizedAmendmentPublishesAnAmendedEventReferencingTheOriginal() {
        Year year = yearUnderReview(2026);
        year.submitted(59, 80, MEASURED_ON);
        finalizeBy(meti(), year.review()).then().statusCode(200);
        String amendment = nedo().body(Map.of("reason", "PARAMS re-measured at the final checkpoint"))
                .post("/api/reviews/{r}/amendments", year.review()).then().statusCode(201).extract().path("id");
        recorded(amendment, year.critical(), 80, MEASURED_ON);
        submit(nedo(), amendment).then().statusCode(200);
        finalizeBy(meti(), amendment).then().statusCode(200);

        List<JsonNode> events = eventsOf(year.programme(), 4);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(ReviewEvents.SUBMITTED,
                ReviewEvents.FINALIZED, ReviewEvents.SUBMITTED, ReviewEvents.AMENDED);
        JsonNode amended = events.get(3);
        assertThat(amended.at("/data/amends").asText()).isEqualTo(year.review());
        assertThat(amended.at("/data/revision").asInt()).isEqualTo(2);
        assertThat(amended.at("/data/outcome").asText()).isEqualTo("PASSED");
        events.forEach(e -> assertThat(Contracts.violations(e)).as("schema violations of %s", e).isEmpty());
    }

    /** Exactly {@code expected} events of the programme, in order, each a CloudEvent keyed by it. */
    private List<JsonNode> eventsOf(String programme, int expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> ofProgramme(programme).size() >= expected);
        List<ConsumerRecord<String, String>> records = ofProgramme(programme);
        assertThat(records).hasSize(expected);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .startsWith("application/cloudevents+json");
        }
        List<JsonNode> events = records.stream().map(ReviewEventsTest::read).toList();
        assertThat(events).allSatisfy(e -> assertThat(e.get("partitionkey").asText()).isEqualTo(programme));
        assertThat(events).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
        return events;
    }

    private List<ConsumerRecord<String, String>> ofProgramme(String programme) {
        return consumer.getRecords().stream().filter(r -> programme.equals(r.key())).toList();
    }

    private static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return new ObjectMapper().readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }
}
