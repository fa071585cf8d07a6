package jp.go.meti.aifund.funding.inbound;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.infra.testing.HostileMessages;
import jp.go.meti.aifund.funding.support.Recommendations;
import jp.go.meti.aifund.funding.support.ResultEvents;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * What funding-service does with the events it consumes: a pullback recommendation holds the
 * affected year's gated tranches (once, however often it is delivered), the ministry's decision
 * (four eyes) ends the hold, a passed review opens the next year's gate, and poison goes to the
 * dead-letter topic.
 */
@QuarkusTest
class IncomingEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TRANCHE = 100_000_000_000L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaCompanion kafka;
    private String programme;
    private String noetra;

    @BeforeEach
    void programmeWithApprovedNextYearTranches() {
        kafka = new KafkaCompanion(bootstrap);
        programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 300_000_000_000L);
        envelope(programme, 2027, 300_000_000_000L);
        noetra = consortium(programme);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    private List<String> approvedNextYear(int count) {
        return approvedIn(2027, count);
    }

    private List<String> approvedIn(int fiscalYear, int count) {
        meti().body(Map.of("reason", "advance"))
                .post("/api/programmes/{p}/envelopes/{fy}/gate-override", programme, fiscalYear).then().statusCode(200);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            String t = planned(programme, noetra, fiscalYear, TRANCHE);
            approve(programme, t).then().statusCode(200);
            return t;
        }).toList();
    }

    private void publish(String topic, ObjectNode event) {
        ResultEvents.publish(kafka, topic, event);
    }

    private ObjectNode recommendation(String score) {
        return recommendation(score, 2026);
    }

    private ObjectNode recommendation(String score, int reviewedFiscalYear) {
        return Recommendations.recommended(programme, score, reviewedFiscalYear, 2 * TRANCHE);
    }

    private String state(String tranche) {
        return admin().get("/api/programmes/{p}/tranches/{t}", programme, tranche).then().extract().path("state");
    }

    private long amount(String tranche) {
        return ((Number) admin().get("/api/programmes/{p}/tranches/{t}", programme, tranche).then().extract()
                .path("amount")).longValue();
    }

    @Test
    void aRecommendationHoldsTheGatedTranchesOnceAndAConfirmedReductionReturnsExactlyItsAmount() {
        List<String> tranches = approvedNextYear(3);
        long headroom = ((Number) programmeTotals(programme).get("headroom")).longValue();
        // 1 − score = 100,000,000,001 / 300,000,000,000: the policy's reduction of the three held tranches
        ObjectNode recommended = recommendation("199999999999/300000000000");
        String id = recommended.at("/data/recommendationId").asText();
        publish("aifund.pullback-recommendations.v1", recommended);
        await().atMost(Duration.ofSeconds(30)).until(() -> tranches.stream().allMatch(t -> "ON_HOLD".equals(state(t))));
        int ledger = ledgerSize(programme);
        publish("aifund.pullback-recommendations.v1", recommended); // redelivered
        publish("aifund.pullback-recommendations.v1", recommendation("1/2")); // a later one, to know the first was read again
        await().atMost(Duration.ofSeconds(30)).until(() -> as(AUDITOR, Roles.AUDITOR)
                .get("/api/programmes/{p}/pullbacks", programme).then().extract().jsonPath().getList("items").size() == 2);
        assertThat(ledgerSize(programme)).isEqualTo(ledger);

        String decision = "/api/programmes/{p}/pullbacks/{id}/decision";
        meti().body(Map.of("decision", "REDUCE_BY_AMOUNT", "reason", "no amount")).post(decision, programme, id)
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
        meti().post(decision + "/confirm", programme, id).then().statusCode(409);
        meti().body(Map.of("decision", "REDUCE_BY_RECOMMENDATION", "reason", "as recommended"))
                .post(decision, programme, id).then().statusCode(200).body("state", equalTo("PROPOSED"))
                .body("decisionAmount", equalTo(100_000_000_001L)).body("reduction", equalTo(100_000_000_001L))
                .body("heldAmount", equalTo(3 * TRANCHE)).body("recommendedReduction", equalTo(1))
                .body("estimateAsOfLedgerEntryId", equalTo(1));
        meti().post(decision + "/confirm", programme, id).then().statusCode(403)
                .body("type", equalTo("https://aifund.meti.go.jp/problems/four-eyes"));
        answered(programme, id);
        as(METI_2, Roles.METI_OFFICIAL).post(decision + "/confirm", programme, id).then().statusCode(200)
                .body("state", equalTo("DECIDED")).body("decidedBy", equalTo(METI_2));

        // ¥100,000,000,001 over three equal tranches: 33,333,333,334 + 33,333,333,334 + 33,333,333,333
        assertThat(tranches.stream().map(this::amount).toList()).containsExactly(66_666_666_666L, 66_666_666_666L,
                66_666_666_667L);
        assertThat(tranches.stream().map(this::state).toList()).containsOnly("REDUCED");
        assertThat(((Number) programmeTotals(programme).get("headroom")).longValue())
                .isEqualTo(headroom + 100_000_000_001L);
        as(METI_2, Roles.METI_OFFICIAL).post(decision + "/confirm", programme, id).then().statusCode(409);

        // the decision's audit trail: the proposal and its confirmation, by whom, on the pullback; no refusal
        List<Map<String, Object>> trail = as(AUDITOR, Roles.AUDITOR).get("/api/audit?subject={id}", id).then()
                .statusCode(200).extract().path("items");
        assertThat(trail).extracting(e -> e.get("action") + " by " + e.get("actor"))
                .containsExactly("pullback.decision-proposed by " + METI, "pullback.decision-confirmed by " + METI_2);
        assertThat(trail.get(0).get("details").toString()).contains("as recommended");
    }

    @Test
    void aConfirmationRefusesWhenTheHeldTranchesChangedSinceTheProposal() {
        List<String> tranches = approvedNextYear(2);
        ObjectNode recommended = recommendation("1/2");
        String id = recommended.at("/data/recommendationId").asText();
        publish("aifund.pullback-recommendations.v1", recommended);
        await().atMost(Duration.ofSeconds(30)).until(() -> tranches.stream().allMatch(t -> "ON_HOLD".equals(state(t))));
        String decision = "/api/programmes/{p}/pullbacks/{id}/decision";
        meti().body(Map.of("decision", "REDUCE_BY_RECOMMENDATION", "reason", "as recommended"))
                .post(decision, programme, id).then().statusCode(200).body("decisionAmount", equalTo(TRANCHE));
        act(meti(), programme, tranches.get(0), "release", Map.of("reason", "separate decision")).then()
                .statusCode(200);
        answered(programme, id);
        as(METI_2, Roles.METI_OFFICIAL).post(decision + "/confirm", programme, id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("¥50,000,000,000 now, ¥100,000,000,000 was proposed"));
        assertThat(amount(tranches.get(1))).as("nothing reduced").isEqualTo(TRANCHE);
    }

    @Test
    void eachYearsPullbackIsSplitByTheShareTableInForceThatYear() {
        String softbank = member(programme, noetra, "SoftBank", 6000);
        String nec = member(programme, noetra, "NEC", 4000);
        String fujitsu = member(programme, noetra, "Fujitsu", null);
        envelope(programme, 2028, 300_000_000_000L);
        String fy2028 = shareTable(programme, "2028-04-01", Map.of(softbank, 5000, nec, 3000, fujitsu, 2000));
        approvedIn(2027, 1);
        approvedIn(2028, 1);
        ObjectNode first = recommendation("1/2", 2026);
        ObjectNode second = recommendation("1/2", 2027);
        publish("aifund.pullback-recommendations.v1", first);
        publish("aifund.pullback-recommendations.v1", second);
        String pullback = "/api/programmes/{p}/pullbacks/{id}";
        await().atMost(Duration.ofSeconds(30)).until(() -> as(AUDITOR, Roles.AUDITOR)
                .get("/api/programmes/{p}/pullbacks", programme).then().extract().jsonPath().getList("items").size() == 2);
        // each: ¥100,000,000,000 held × (1 − 1/2) = ¥50,000,000,000
        nedo().get(pullback, programme, first.at("/data/recommendationId").asText()).then().statusCode(200)
                .body("reduction", equalTo(50_000_000_000L)).body("memberPartsShareTableId", org.hamcrest.Matchers.nullValue())
                .body("memberParts.name", org.hamcrest.Matchers.contains("SoftBank", "NEC"))
                .body("memberParts.amount", org.hamcrest.Matchers.contains(30_000_000_000L, 20_000_000_000L));
        nedo().get(pullback, programme, second.at("/data/recommendationId").asText()).then().statusCode(200)
                .body("memberPartsShareTableId", equalTo(fy2028))
                .body("memberParts.name", org.hamcrest.Matchers.contains("SoftBank", "NEC", "Fujitsu"))
                .body("memberParts.amount", org.hamcrest.Matchers.contains(25_000_000_000L, 15_000_000_000L,
                        10_000_000_000L));
    }

    @Test
    void aLiftEndsTheHoldAndACancellationFreesEverything() {
        List<String> tranches = approvedNextYear(2);
        long headroom = ((Number) programmeTotals(programme).get("headroom")).longValue();
        ObjectNode first = recommendation("9/10");
        publish("aifund.pullback-recommendations.v1", first);
        await().atMost(Duration.ofSeconds(30)).until(() -> tranches.stream().allMatch(t -> "ON_HOLD".equals(state(t))));
        String decision = "/api/programmes/{p}/pullbacks/{id}/decision";
        String id = first.at("/data/recommendationId").asText();
        meti().body(Map.of("decision", "LIFT", "reason", "targets met since")).post(decision, programme, id).then().statusCode(200);
        as(METI_2, Roles.METI_OFFICIAL).post(decision + "/confirm", programme, id).then().statusCode(200);
        assertThat(tranches.stream().map(this::state).toList()).containsOnly("APPROVED");

        ObjectNode second = recommendation("9/10");
        publish("aifund.pullback-recommendations.v1", second);
        await().atMost(Duration.ofSeconds(30)).until(() -> tranches.stream().allMatch(t -> "ON_HOLD".equals(state(t))));
        String id2 = second.at("/data/recommendationId").asText();
        meti().body(Map.of("decision", "CANCEL", "reason", "programme restructured")).post(decision, programme, id2)
                .then().statusCode(200);
        answered(programme, id2);
        as(METI_2, Roles.METI_OFFICIAL).post(decision + "/confirm", programme, id2).then().statusCode(200);
        assertThat(tranches.stream().map(this::state).toList()).containsOnly("CANCELLED");
        assertThat(((Number) programmeTotals(programme).get("headroom")).longValue()).isEqualTo(headroom + 2 * TRANCHE);
    }

    @Test
    void aPassedReviewOpensTheNextYearsGateAndAFailedAmendmentClosesIt() {
        publish("aifund.review-events.v1", review("finalized", 1, "PASSED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "OPEN".equals(gate(2027)));
        publish("aifund.review-events.v1", review("amended", 2, "FAILED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(gate(2027)));
    }

    @Test
    void everyKindOfHostileRecordOnEveryConsumedTopicIsDeadLetteredWithItsReason() {
        ConsumerTask<String, String> dead = kafka.consumeStrings().fromTopics("aifund.funding-service.dlq.v1");
        Map<String, ObjectNode> topics = Map.of("aifund.review-events.v1", review("finalized", 1, "PASSED"),
                "aifund.pullback-recommendations.v1", recommendation("1/2"));
        List<HostileMessages.Hostile> sent = new java.util.ArrayList<>();
        topics.forEach((topic, valid) -> HostileMessages.from(valid).forEach(h -> {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, h.key(), h.value())).awaitCompletion();
            sent.add(h);
        }));
        List<String> later = new java.util.ArrayList<>();
        topics.forEach((topic, valid) -> {
            ObjectNode event = HostileMessages.ofALaterType(valid);
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, event.get("partitionkey").asText(),
                    event.toString())).awaitCompletion();
            later.add(event.get("id").asText());
        });
        java.util.Set<String> keys = sent.stream().map(HostileMessages.Hostile::key).collect(java.util.stream.Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).until(() -> dead.getRecords().stream()
                .filter(r -> keys.contains(r.key())).count() == sent.size());
        List<String> reasons = dead.getRecords().stream().filter(r -> keys.contains(r.key()))
                .map(r -> new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)).toList();
        for (HostileMessages.Hostile h : sent) {
            assertThat(reasons).as("the reason for a %s record", h.kind()).anyMatch(r -> r.contains(h.reason()));
        }
        publish("aifund.review-events.v1", review("finalized", 1, "PASSED")); // and consumption goes on
        await().atMost(Duration.ofSeconds(30)).until(() -> "OPEN".equals(gate(2027)));
        // an event of a type added to the contract later is skipped and counted, never dead-lettered
        assertThat(dead.getRecords()).noneMatch(r -> later.stream().anyMatch(r.value()::contains));
        assertThat(io.restassured.RestAssured.given().get("/q/metrics").asString())
                .containsPattern("aifund_events_skipped_total\\{[^}]*reason=\"unknown-type\"[^}]*\\} [1-9]");
        dead.stop();
    }

    private String gate(int fiscalYear) {
        return admin().get("/api/programmes/{p}/envelopes", programme).then().extract().jsonPath()
                .getString("items.find { it.fiscalYear == " + fiscalYear + " }.gate");
    }

    private ObjectNode review(String kind, int revision, String outcome) {
        ObjectNode e = JSON.createObjectNode();
        String reviewId = UUID.randomUUID().toString();
        e.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/aifund/milestone-service")
                .put("type", "jp.go.meti.aifund.review." + kind + ".v1").put("subject", "review/" + reviewId)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json")
                .put("partitionkey", programme);
        ObjectNode d = e.putObject("data");
        d.put("reviewId", reviewId).put("programmeId", programme).put("fiscalYear", 2026).put("revision", revision);
        if (revision > 1) {
            d.put("amends", UUID.randomUUID().toString()).put("amendmentReason", "corrected");
        } else {
            d.putNull("amends");
        }
        d.put("state", "FINALIZED").put("dueDate", "2027-06-30").put("scoreBasisPoints", 9000).put("outcome", outcome)
                .put("ruleVersion", "review-scoring/2");
        d.putObject("technicalEvaluation").put("agency", "NEDO").put("person", NEDO).put("at", Instant.now().toString());
        d.putObject("decision").put("agency", "METI").put("person", METI).put("at", Instant.now().toString());
        ArrayNode ms = d.putArray("milestones");
        ObjectNode m = ms.addObject();
        m.put("milestoneId", UUID.randomUUID().toString()).put("code", "PARAMS").put("version", 1).put("title", "t")
                .put("metric", "m").put("unit", "u").put("direction", "AT_LEAST").put("target", "80")
                .put("threshold", "60").put("actual", "80").put("asOf", "2027-03-01").put("assessment", "MET")
                .put("achievementBasisPoints", 10000).put("weightBasisPoints", 10000).put("critical", true)
                .putNull("recipientId").put("recordedBy", NEDO);
        m.putArray("evidence").addObject().put("uri", "https://nedo.example/r.pdf").put("title", "r")
                .put("digest", "sha256:" + "ab".repeat(32));
        assertThat(Contracts.violations(e)).isEmpty();
        return e;
    }
}
