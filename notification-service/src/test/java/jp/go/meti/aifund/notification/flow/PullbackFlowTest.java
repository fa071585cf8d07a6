package jp.go.meti.aifund.notification.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.infra.testing.HostileMessages;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.notification.domain.WebhookSignature;
import jp.go.meti.aifund.notification.support.Events;
import jp.go.meti.aifund.notification.support.Events.Member;
import jp.go.meti.aifund.notification.support.Events.Milestone;
import jp.go.meti.aifund.notification.support.WebhookReceiver;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * The service between real topics: tranche and review events in, a warning raised once, streamed,
 * delivered signed to a real webhook endpoint, and a schema-valid recommendation out; redelivery
 * changes nothing; poison goes to the dead-letter topic and consumption continues.
 */
@QuarkusTest
class PullbackFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID AIST = UUID.randomUUID();
    private static final List<Member> NOETRA = List.of(new Member(UUID.randomUUID(), "SoftBank", 4000),
            new Member(UUID.randomUUID(), "NEC", 2500), new Member(UUID.randomUUID(), "Sony Group", 2000),
            new Member(UUID.randomUUID(), "Honda", 1500));
    private static final List<Milestone> CRITICAL_MISSED = List.of(
            new Milestone("PARAMS", true, 6000, "59", "MISSED", 0),
            new Milestone("BENCH", false, 4000, "75", "PARTIALLY_MET", 7500));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "aifund.notification.dead-letter-topic")
    String deadLetters;
    @ConfigProperty(name = "aifund.notification.recommendation-topic")
    String recommendations;

    private KafkaCompanion kafka;
    private UUID programme;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
        programme = UUID.randomUUID();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    private void publish(String topic, ObjectNode event) {
        publishRaw(topic, event.get("partitionkey").asText(), event.toString());
    }

    /** As the producers' outbox relays send it: structured CloudEvents with their content type. */
    private void publishRaw(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    private static io.restassured.specification.RequestSpecification as(String role) {
        return given().auth().oauth2(Tokens.of("meti.suzuki", role)).contentType(ContentType.JSON);
    }

    private List<Map<String, Object>> warningsOf(UUID programmeId) {
        return as(Roles.AUDITOR).get("/api/warnings?programmeId={p}", programmeId).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    /** funding-service's notice of a proposed cancellation (a hearing opened), as it publishes it. */
    private ObjectNode hearingOpened(UUID consortium, UUID hearing) {
        ObjectNode e = Events.programme("hearing-opened", programme, "Noetra foundation model", 2, null, 0);
        var recipients = ((ObjectNode) e.get("data")).withArray("recipients");
        recipients.addObject().put("recipientId", consortium.toString())
                .put("name", "Noetra").put("role", "CONSORTIUM").putNull("consortiumId").putNull("shareBasisPoints");
        recipients.addObject().put("recipientId", NOETRA.get(1).id().toString()).put("name", "NEC").put("role", "MEMBER")
                .put("consortiumId", consortium.toString()).putNull("shareBasisPoints");
        recipients.addObject().put("recipientId", AIST.toString()).put("name", "AIST").put("role", "RESEARCH_PARTNER")
                .put("consortiumId", consortium.toString()).putNull("shareBasisPoints");
        ObjectNode change = (ObjectNode) e.at("/data/change");
        change.put("actor", "meti.suzuki").put("reason", "critical target missed twice");
        ObjectNode h = change.putObject("hearing").put("hearingId", hearing.toString()).put("subject", "PULLBACK_DECISION")
                .put("subjectId", UUID.randomUUID().toString()).put("recipientId", consortium.toString())
                .put("proposedDecision", "CANCEL").put("fiscalYear", 2027).put("grounds", "critical target missed twice")
                .put("amount", 200_000_000_000L).put("answerBy", "2026-12-18");
        h.putArray("parts").addObject().put("recipientId", NOETRA.get(0).id().toString()).put("name", "SoftBank")
                .put("amount", 200_000_000_000L);
        return e;
    }

    @Test
    void aNoticeOfAnAdverseProposalIsACriticalWarningDeliveredSignedToTheWebhooks() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0); WebhookReceiver inJapanese = new WebhookReceiver(0)) {
            String secret = as(Roles.PROGRAMME_ADMIN).body(Map.of("url", receiver.url(), "minSeverity", "CRITICAL",
                    "programmeId", programme.toString())).post("/api/webhook-subscriptions")
                    .then().statusCode(201).extract().path("secret");
            as(Roles.PROGRAMME_ADMIN).body(Map.of("url", inJapanese.url(), "minSeverity", "CRITICAL", "programmeId",
                    programme.toString(), "language", "ja")).post("/api/webhook-subscriptions").then().statusCode(201)
                    .body("language", org.hamcrest.Matchers.equalTo("ja"));
            UUID hearing = UUID.randomUUID();
            UUID noetraId = UUID.randomUUID();
            ObjectNode notice = hearingOpened(noetraId, hearing);
            assertThat(Contracts.violations(notice)).as("the test's own event follows the contract").isEmpty();
            publish("aifund.programme-events.v1", notice);
            ObjectNode sentAgain = notice.deepCopy().put("id", UUID.randomUUID().toString()); // the same notice, anew
            publish("aifund.programme-events.v1", sentAgain);
            ObjectNode another = hearingOpened(noetraId, UUID.randomUUID()); // published after both
            publish("aifund.programme-events.v1", another);

            await().atMost(Duration.ofSeconds(30)).until(() -> warningsOf(programme).size() >= 2);
            assertThat(warningsOf(programme)).as("one warning per hearing, however often it is noticed").hasSize(2);
            Map<String, Object> warning = warningsOf(programme).stream()
                    .filter(w -> ((String) w.get("detail")).contains(hearing.toString())).findFirst().orElseThrow();
            assertThat(warning).containsEntry("kind", "HEARING_NOTICE").containsEntry("severity", "CRITICAL")
                    .containsEntry("fiscalYear", 2027)
                    .containsEntry("title", "Notice to Noetra: CANCEL of ¥200,000,000,000 proposed; answer by 2026-12-18");
            assertThat((String) warning.get("detail")).contains("SoftBank ¥200,000,000,000")
                    .contains("/hearings/" + hearing + "/response").contains("critical target missed twice");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains(hearing.toString())));
            WebhookReceiver.Received hook = receiver.received().stream().filter(r -> r.body().contains(hearing.toString()))
                    .findFirst().orElseThrow();
            assertThat(WebhookSignature.verify(secret, hook.header("webhook-id"),
                    Long.parseLong(hook.header("webhook-timestamp")), hook.body(), hook.header("webhook-signature")))
                    .isTrue();
            assertThat(JSON.readTree(hook.body()).at("/data/kind").asText()).isEqualTo("HEARING_NOTICE");
            // a member of the recipient reads it; its research partner (in the programme, not heard) and a member of
            // another programme's recipient do not know it exists
            String ours = Tokens.member("member.nec", NOETRA.get(1).id().toString());
            String partner = Tokens.member("partner.aist", AIST.toString());
            String theirs = Tokens.member("member.other", UUID.randomUUID().toString());
            given().auth().oauth2(partner).get("/api/warnings?programmeId={p}", programme).then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(warning.get("id"))));
            given().auth().oauth2(partner).get("/api/warnings/{w}", warning.get("id")).then().statusCode(404);
            given().auth().oauth2(ours).get("/api/warnings?programmeId={p}", programme).then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(warning.get("id")));
            given().auth().oauth2(theirs).get("/api/warnings?programmeId={p}", programme).then().statusCode(200)
                    .body("totalItems", org.hamcrest.Matchers.equalTo(0));
            given().auth().oauth2(theirs).get("/api/warnings").then().statusCode(200)
                    .body("items.programmeId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(programme.toString())));
            given().auth().oauth2(theirs).get("/api/warnings/{w}", warning.get("id")).then().statusCode(404);
            // in Japanese for a reader who asks for it: 億円, 令和-era days as officials write them
            Map<String, Object> japanese = as(Roles.AUDITOR).header("Accept-Language", "ja")
                    .get("/api/warnings/{w}", warning.get("id")).then().statusCode(200).extract().jsonPath().getMap("");
            assertThat(japanese).containsEntry("title", "Noetraへの通知：2,000億円の取消が提案されました。2026年12月18日までに回答できます");
            assertThat((String) japanese.get("detail")).contains("構成員ごとの額：SoftBank 2,000億円")
                    .contains("2026年12月18日まで書面で回答できます");
            await().atMost(Duration.ofSeconds(10)).until(() -> inJapanese.received().stream()
                    .anyMatch(r -> r.body().contains(hearing.toString())));
            assertThat(JSON.readTree(inJapanese.received().stream().filter(r -> r.body().contains(hearing.toString()))
                    .findFirst().orElseThrow().body()).at("/data/title").asText()).isEqualTo(japanese.get("title"));

            // the hearing closes (the decision confirmed): its warning is resolved, the other's stays open
            ObjectNode closed = notice.deepCopy().put("id", UUID.randomUUID().toString())
                    .put("type", "jp.go.meti.aifund.programme.hearing-closed.v1");
            ((ObjectNode) closed.at("/data/change")).put("kind", "HEARING_CLOSED").put("actor", "meti.takahashi");
            ((ObjectNode) closed.at("/data/change/hearing")).put("state", "CONCLUDED").put("respondedBy", "member.nec");
            assertThat(Contracts.violations(closed)).isEmpty();
            publish("aifund.programme-events.v1", closed);
            await().atMost(Duration.ofSeconds(30)).until(() -> warningsOf(programme).stream()
                    .filter(w -> "RESOLVED".equals(w.get("state"))).count() == 1);
            assertThat(warningsOf(programme)).filteredOn(w -> "RESOLVED".equals(w.get("state")))
                    .allMatch(w -> ((String) w.get("detail")).contains(hearing.toString()));

            // the recipient objects to the decision: a warning until another official rules on it
            UUID objectionId = UUID.randomUUID();
            ObjectNode objected = closed.deepCopy().put("id", UUID.randomUUID().toString())
                    .put("type", "jp.go.meti.aifund.programme.objection-filed.v1");
            ((ObjectNode) objected.at("/data/change")).put("kind", "OBJECTION_FILED").put("actor", "member.nec")
                    .set("objection", JSON.createObjectNode().put("objectionId", objectionId.toString())
                            .put("hearingId", hearing.toString()).put("recipientId", notice.at("/data/change/hearing/recipientId").asText())
                            .put("grounds", "the re-run meets the target").put("filedBy", "member.nec")
                            .put("fileBy", "2027-03-06").put("state", "FILED"));
            assertThat(Contracts.violations(objected)).isEmpty();
            publish("aifund.programme-events.v1", objected);
            await().atMost(Duration.ofSeconds(30)).until(() -> warningsOf(programme).stream()
                    .anyMatch(w -> "OBJECTION_FILED".equals(w.get("kind"))));
            Map<String, Object> objection = warningsOf(programme).stream()
                    .filter(w -> "OBJECTION_FILED".equals(w.get("kind"))).findFirst().orElseThrow();
            assertThat(objection).containsEntry("severity", "WARNING").containsEntry("state", "OPEN")
                    .containsEntry("title", "Objection by member.nec to CANCEL of ¥200,000,000,000: to be ruled on");
            assertThat((String) objection.get("detail")).contains("the re-run meets the target")
                    .contains("/hearings/" + hearing + "/objection/ruling");
            // in Japanese, the moment it was filed as a Japanese reader says it, the grounds quoted
            assertThat(as(Roles.AUDITOR).header("Accept-Language", "ja").get("/api/warnings/{w}", objection.get("id"))
                    .then().statusCode(200).extract().jsonPath().getString("detail"))
                    .matches("member\\.nec が\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{1,2}:\\d{2} JSTに、.*")
                    .contains("理由：「the re-run meets the target」");
            ObjectNode ruled = objected.deepCopy().put("id", UUID.randomUUID().toString())
                    .put("type", "jp.go.meti.aifund.programme.objection-ruled.v1");
            ((ObjectNode) ruled.at("/data/change")).put("kind", "OBJECTION_RULED").put("actor", "meti.sato");
            ((ObjectNode) ruled.at("/data/change/objection")).put("state", "DISMISSED").put("ruling", "it stands")
                    .put("ruledBy", "meti.sato");
            assertThat(Contracts.violations(ruled)).isEmpty();
            publish("aifund.programme-events.v1", ruled);
            await().atMost(Duration.ofSeconds(30)).until(() -> warningsOf(programme).stream()
                    .anyMatch(w -> "OBJECTION_FILED".equals(w.get("kind")) && "RESOLVED".equals(w.get("state"))));
        }
    }

    @Test
    void aMissedCriticalMilestoneRaisesOneWarningThatIsStreamedDeliveredSignedAndRecommended() throws Exception {
        String secret;
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            secret = as(Roles.PROGRAMME_ADMIN).body(Map.of("url", receiver.url(), "minSeverity", "CRITICAL",
                    "programmeId", programme.toString())).post("/api/webhook-subscriptions")
                    .then().statusCode(201).extract().path("secret");
            List<String> streamed = openStream();
            ConsumerTask<String, String> out = kafka.consumeStrings().fromTopics(recommendations);

            UUID t1 = UUID.randomUUID();
            UUID t2 = UUID.randomUUID();
            ObjectNode planned1 = Events.tranche(programme, t1, 2027, "PLANNED", 120_000_000_000L, 900_000_000_000L, NOETRA);
            ObjectNode planned2 = Events.tranche(programme, t2, 2027, "APPROVED", 80_000_000_001L, 800_000_000_000L, NOETRA);
            ObjectNode finalized = Events.review("finalized", programme, UUID.randomUUID(), 2026, 3000, "FAILED",
                    CRITICAL_MISSED);
            for (ObjectNode e : List.of(planned1, planned2, finalized)) {
                assertThat(Contracts.violations(e)).as("the test's own events follow the contract").isEmpty();
            }
            publish("aifund.tranche-events.v1", planned1);
            publish("aifund.tranche-events.v1", planned2);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("x", Roles.AUDITOR))
                    .get("/q/health/ready").statusCode() == 200);
            publish("aifund.review-events.v1", finalized);

            await().atMost(Duration.ofSeconds(30)).until(() -> !warningsOf(programme).isEmpty());
            Map<String, Object> warning = warningsOf(programme).get(0);
            assertThat(warning).containsEntry("kind", "PULLBACK_RECOMMENDED").containsEntry("severity", "CRITICAL")
                    .containsEntry("fiscalYear", 2026).containsEntry("state", "OPEN")
                    .containsEntry("policyVersion", "pullback-policy/2;ceiling-near=1000bp;reminder=30d");
            assertThat(warning.get("causeEventIds")).isEqualTo(List.of(finalized.get("id").asText()));
            // planned ¥200,000,000,001 × (1 − 30.00 %) = 140,000,000,000.7 → ¥140,000,000,000
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) warning.get("figures");
            assertThat(((Number) figures.get("plannedAmount")).longValue()).isEqualTo(200_000_000_001L);
            assertThat(((Number) figures.get("amount")).longValue()).isEqualTo(140_000_000_000L);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parts = (List<Map<String, Object>>) figures.get("parts");
            assertThat(parts).extracting(p -> ((Number) p.get("amount")).longValue())
                    .containsExactly(56_000_000_000L, 35_000_000_000L, 28_000_000_000L, 21_000_000_000L);

            String warningId = (String) warning.get("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> streamed.stream().anyMatch(s -> s.contains(warningId)));
            await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
            WebhookReceiver.Received hook = receiver.received().get(0);
            assertThat(WebhookSignature.verify(secret, hook.header("webhook-id"),
                    Long.parseLong(hook.header("webhook-timestamp")), hook.body(), hook.header("webhook-signature")))
                    .as("the Standard Webhooks signature verifies").isTrue();
            assertThat(JSON.readTree(hook.body()).at("/data/id").asText()).isEqualTo(warningId);

            await().atMost(Duration.ofSeconds(30)).until(() -> ofProgramme(out).size() == 1);
            JsonNode recommendation = JSON.readTree(ofProgramme(out).get(0).value());
            assertThat(Contracts.violations(recommendation)).isEmpty();
            assertThat(recommendation.at("/data/recommendationId").asText()).isEqualTo(warningId);
            assertThat(recommendation.at("/data/recommendedReduction").asLong()).isEqualTo(140_000_000_000L);
            assertThat(recommendation.at("/data/affectedFiscalYear").asInt()).isEqualTo(2027);
            assertThat(recommendation.at("/data/estimateAsOfLedgerEntryId").asLong())
                    .as("the estimate names how far the copy had followed funding's ledger: the newer tranche event's entry")
                    .isEqualTo(Math.max(planned1.at("/data/change/ledgerEntryId").asLong(),
                            planned2.at("/data/change/ledgerEntryId").asLong()));
            out.stop();

            // the same events again: nothing new
            publish("aifund.tranche-events.v1", planned1);
            publish("aifund.review-events.v1", finalized);
            ObjectNode later = Events.tranche(programme, UUID.randomUUID(), 2027, "PLANNED", 1, 800_000_000_000L, NOETRA);
            publish("aifund.tranche-events.v1", later);
            await().atMost(Duration.ofSeconds(30)).until(() -> trancheKnown(later));
            assertThat(warningsOf(programme)).hasSize(1);
        }
    }

    @Test
    void everyKindOfHostileRecordOnEveryConsumedTopicIsDeadLetteredWithItsReasonAndConsumptionContinues()
            throws Exception {
        ConsumerTask<String, String> dead = kafka.consumeStrings().fromTopics(deadLetters);
        ObjectNode review = Events.review("finalized", programme, UUID.randomUUID(), 2026, 7000, "CONDITIONAL",
                List.of(new Milestone("BENCH", false, 10_000, "74", "PARTIALLY_MET", 7000)));
        ObjectNode tranche = Events.tranche(programme, UUID.randomUUID(), 2027, "PLANNED", 10, 950_000_000_000L, NOETRA);
        ObjectNode described = Events.programme("created", programme, "Noetra", 1, Events.nextLedgerEntry(), 0);
        Map<String, ObjectNode> topics = Map.of("aifund.review-events.v1", review, "aifund.tranche-events.v1", tranche,
                "aifund.programme-events.v1", described);
        List<HostileMessages.Hostile> sentHostile = new java.util.ArrayList<>();
        topics.forEach((topic, valid) -> HostileMessages.from(valid).forEach(h -> {
            publishRaw(topic, h.key(), h.value());
            sentHostile.add(h);
        }));
        List<String> later = new java.util.ArrayList<>();
        topics.forEach((topic, valid) -> {
            ObjectNode event = HostileMessages.ofALaterType(valid);
            publishRaw(topic, event.get("partitionkey").asText(), event.toString());
            later.add(event.get("id").asText());
        });
        topics.forEach(this::publish); // then healthy events, after the poison on the same partitions

        await().atMost(Duration.ofSeconds(60)).until(() -> reasonsFor(dead, sentHostile).size() == sentHostile.size());
        List<String> reasons = reasonsFor(dead, sentHostile);
        for (HostileMessages.Hostile h : sentHostile) {
            assertThat(reasons).as("the reason for a %s record", h.kind()).anyMatch(r -> r.contains(h.reason()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> warningsOf(programme).size() == 1);
        assertThat(warningsOf(programme).get(0)).containsEntry("kind", "WATCH");
        assertThat(trancheKnown(tranche)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> "Noetra".equals(as(Roles.AUDITOR)
                .get("/api/dashboard/{p}", programme).then().extract().path("programme.name")));
        // an event of a type added to the contract later is skipped and counted, never dead-lettered
        assertThat(dead.getRecords()).noneMatch(r -> later.stream().anyMatch(r.value()::contains));
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("aifund_events_skipped_total\\{[^}]*reason=\"unknown-type\"[^}]*\\} [1-9]");
        System.out.printf("hostile records: %d sent to 3 topics, %d dead-lettered with their reason, consumption went on%n",
                sentHostile.size(), reasons.size());
        dead.stop();
    }

    /** The dead-letter reasons of the records sent with the hostile records' keys. */
    private static List<String> reasonsFor(ConsumerTask<String, String> dead, List<HostileMessages.Hostile> sent) {
        java.util.Set<String> keys = sent.stream().map(HostileMessages.Hostile::key).collect(java.util.stream.Collectors.toSet());
        return dead.getRecords().stream().filter(r -> keys.contains(r.key()))
                .map(r -> new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void aFailingEndpointIsRetriedWithBackOffAndEveryAttemptIsRecorded() throws Exception {
        try (WebhookReceiver flaky = new WebhookReceiver(2)) {
            String subscription = as(Roles.PROGRAMME_ADMIN).body(Map.of("url", flaky.url(), "minSeverity", "WARNING",
                    "programmeId", programme.toString())).post("/api/webhook-subscriptions")
                    .then().statusCode(201).extract().path("id");
            publish("aifund.review-events.v1", Events.review("finalized", programme, UUID.randomUUID(), 2026, 7000,
                    "CONDITIONAL", List.of(new Milestone("BENCH", false, 10_000, "74", "PARTIALLY_MET", 7000))));

            await().atMost(Duration.ofSeconds(30)).until(() -> flaky.received().size() == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(as(Roles.AUDITOR)
                    .get("/api/webhook-subscriptions/{s}/deliveries", subscription).then().extract().path("items[0].state")));
            List<Integer> statuses = as(Roles.AUDITOR).get("/api/webhook-subscriptions/{s}/deliveries", subscription)
                    .then().statusCode(200).extract().jsonPath().getList("items[0].attemptLog.statusCode");
            assertThat(statuses).containsExactly(503, 503, 204);
            assertThat(flaky.received()).extracting(r -> r.header("webhook-id")).containsOnly(flaky.received().get(0)
                    .header("webhook-id"));
        }
    }

    @Test
    void aDeliveryFailingPastTheThresholdRaisesItsOwnWarningAndKeepsBeingRetried() throws Exception {
        String unreachable = "http://127.0.0.1:" + closedPort() + "/hook";
        String subscription = as(Roles.PROGRAMME_ADMIN).body(Map.of("url", unreachable, "minSeverity", "WARNING",
                "programmeId", programme.toString())).post("/api/webhook-subscriptions")
                .then().statusCode(201).extract().path("id");
        publish("aifund.review-events.v1", Events.review("finalized", programme, UUID.randomUUID(), 2026, 7000,
                "CONDITIONAL", List.of(new Milestone("BENCH", false, 10_000, "74", "PARTIALLY_MET", 7000))));

        await().atMost(Duration.ofSeconds(30)).until(() -> warningsOf(programme).stream()
                .anyMatch(w -> "WEBHOOK_STALLED".equals(w.get("kind"))));
        List<Integer> attempts = as(Roles.AUDITOR).get("/api/webhook-subscriptions/{s}/deliveries", subscription)
                .then().statusCode(200).extract().jsonPath().getList("items.attempts");
        // the first delivery is the WATCH warning's, retried since; the stall warning is queued for the same endpoint
        assertThat(attempts.get(0)).isGreaterThanOrEqualTo(2);
        assertThat(as(Roles.AUDITOR).get("/api/webhook-subscriptions/{s}/deliveries", subscription).then().extract()
                .jsonPath().getList("items.state")).containsOnly("PENDING");
    }

    private boolean trancheKnown(ObjectNode tranche) {
        return as(Roles.METI_OFFICIAL).body(Map.of("programmeId", programme.toString(), "fiscalYear", 2026,
                "milestones", List.of(Map.of("code", "PARAMS", "direction", "AT_LEAST", "target", 80, "threshold", 60,
                        "actual", 50, "weightBasisPoints", 10_000, "critical", true))))
                .post("/api/what-if").then().statusCode(200).extract().jsonPath()
                .getList("tranchesToHold.trancheId").contains(tranche.at("/data/trancheId").asText());
    }

    /** A port nothing listens on: connections to it are refused at once. */
    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private List<ConsumerRecord<String, String>> ofProgramme(ConsumerTask<String, String> task) {
        return task.getRecords().stream().filter(r -> programme.toString().equals(r.key())).toList();
    }

    /** Subscribes to the SSE stream as a browser would, collecting its data lines. */
    private List<String> openStream() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/warnings/stream")).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Tokens.of("meti.suzuki", Roles.METI_OFFICIAL)).build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(300)).until(() -> true);
        return lines;
    }
}
