package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.funding.support.Recommendations;
import jp.go.meti.aifund.funding.support.ResultEvents;
import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * The recipient is heard before an adverse decision (弁明の機会), on the real database and broker: a
 * reduction, cancellation or termination proposed gives it notice (an event with the decision, its
 * grounds, the amount per member and the day to answer by); the confirmation is refused until the
 * recipient answered or that day passed, and records that the answer was considered. Afterwards the
 * recipient may object (審査請求); another official rules, and an upheld objection gives back what the
 * decision took by new ledger entries.
 */
@QuarkusTest
class HearingTest {

    private static final long TRANCHE = 100_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> programmeEvents;
    private String programme;
    private String noetra;
    private String softbank;
    private String nec;

    /** Noetra (SoftBank 60 %, NEC 40 %) with two approved FY2027 tranches, gated by FY2026's review. */
    @BeforeEach
    void programmeWithHeldTranches() {
        kafka = new KafkaCompanion(bootstrap);
        programmeEvents = kafka.consumeStrings().fromTopics("aifund.programme-events.v1");
        programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 300_000_000_000L);
        envelope(programme, 2027, 300_000_000_000L);
        noetra = consortium(programme);
        softbank = member(programme, noetra, "SoftBank", 6000);
        nec = member(programme, noetra, "NEC", 4000);
        meti().body(Map.of("reason", "advance")).post("/api/programmes/{p}/envelopes/2027/gate-override", programme)
                .then().statusCode(200);
        IntStream.range(0, 2).forEach(i -> approve(programme, planned(programme, noetra, 2027, TRANCHE)).then()
                .statusCode(200));
    }

    @AfterEach
    void close() {
        programmeEvents.stop();
        kafka.close();
    }

    /** A pullback recommendation on FY2026 at {@code score}, received and holding the FY2027 tranches; its id. */
    private String held(String score) {
        ObjectNode recommended = Recommendations.recommended(programme, score, 2026, 2 * TRANCHE);
        ResultEvents.publish(kafka, Recommendations.TOPIC, recommended);
        String id = recommended.at("/data/recommendationId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().get("/api/programmes/{p}/pullbacks/{id}",
                programme, id).statusCode() == 200);
        return id;
    }

    private static String decision(String pullback) {
        return "/api/programmes/{p}/pullbacks/" + pullback + "/decision";
    }

    private JsonPath hearingOf(String subject) {
        return admin().get("/api/programmes/{p}/hearings?subjectId={s}", programme, subject).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aCancellationIsConfirmedOnlyAfterTheRecipientWasHeardAndSaysItWasConsidered() {
        String pullback = held("1/2");
        meti().body(Map.of("decision", "CANCEL", "reason", "critical target missed twice"))
                .post(decision(pullback), programme).then().statusCode(200);

        // the notice: what is proposed, why, what it takes from each member, and the day to answer by
        JsonPath notice = hearingOf(pullback);
        String hearing = notice.getString("items[0].id");
        String answerBy = FiscalYear.today(java.time.Clock.systemUTC()).plusDays(14).toString();
        assertThat(notice.getString("items[0].state")).isEqualTo("OPEN");
        assertThat(notice.getString("items[0].recipientId")).isEqualTo(noetra);
        assertThat(notice.getString("items[0].proposedDecision")).isEqualTo("CANCEL");
        assertThat(notice.getString("items[0].grounds")).startsWith("critical target missed twice (on pullback "
                + "recommendation " + pullback + " after the FY2026 review");
        assertThat(notice.getLong("items[0].amount")).isEqualTo(2 * TRANCHE);
        assertThat(notice.getList("items[0].parts.amount", Long.class)).containsExactly(120_000_000_000L,
                80_000_000_000L);
        assertThat(notice.getString("items[0].answerBy")).isEqualTo(answerBy);
        JsonNode event = awaitNotice(hearing);
        assertThat(Contracts.violations(event)).isEmpty();
        assertThat(event.at("/data/change/hearing/parts/0/name").asText()).isEqualTo("SoftBank");
        assertThat(event.at("/data/change/hearing/answerBy").asText()).isEqualTo(answerBy);

        // before the answer or the day, no confirmation: the hold stays in force
        as(METI_2, Roles.METI_OFFICIAL).post(decision(pullback) + "/confirm", programme).then().statusCode(409)
                .body("detail", containsString("has until " + answerBy));
        assertThat(admin().get("/api/programmes/{p}/tranches?fiscalYear=2027", programme).then().extract().jsonPath()
                .getList("items.state")).containsOnly("ON_HOLD");

        // only the recipient or a member in the shares in force answers: not its research partner, not a member
        // that has not joined yet, not another programme's consortium (to them the notice does not exist)
        String aist = admin().body(Map.of("name", "AIST", "role", "RESEARCH_PARTNER", "consortiumId", noetra))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(201).extract().path("id");
        String fujitsu = member(programme, noetra, "Fujitsu", null);
        String other = consortium(programme(1_000_000_000L));
        for (String outsider : List.of(aist, fujitsu, other)) {
            member(outsider).header("Idempotency-Key", key()).body(Map.of("response", "not ours"))
                    .post("/api/programmes/{p}/hearings/{h}/response", programme, hearing).then().statusCode(404);
        }
        member(other).get("/api/programmes/{p}/hearings", programme).then().statusCode(200).body("items", hasSize(0));
        member(nec).get("/api/programmes/{p}/hearings/{h}", programme, hearing).then().statusCode(200);
        String key = key();
        Map<String, Object> answer = Map.of("response", "The FY2027 plan was revised; see the attached work plan.",
                "evidence", List.of(Map.of("uri", "https://noetra.example/plan-fy2027.pdf", "title", "Revised plan",
                        "digest", "sha256:" + "cd".repeat(32))));
        member(softbank).header("Idempotency-Key", key).body(answer)
                .post("/api/programmes/{p}/hearings/{h}/response", programme, hearing).then().statusCode(200)
                .body("state", equalTo("ANSWERED")).body("responseEvidence[0].title", equalTo("Revised plan"));
        member(softbank).header("Idempotency-Key", key).body(answer) // a retry answers the same
                .post("/api/programmes/{p}/hearings/{h}/response", programme, hearing).then().statusCode(200);
        member(nec).header("Idempotency-Key", key()).body(Map.of("response", "again"))
                .post("/api/programmes/{p}/hearings/{h}/response", programme, hearing).then().statusCode(409);

        as(METI_2, Roles.METI_OFFICIAL).post(decision(pullback) + "/confirm", programme).then().statusCode(200)
                .body("state", equalTo("DECIDED"));
        JsonPath concluded = hearingOf(pullback);
        assertThat(concluded.getString("items[0].state")).isEqualTo("CONCLUDED");
        // the hearing's course on the programme topic: noticed, answered, closed; each valid against its schema
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(hearing).size() == 3);
        assertThat(notices(hearing)).extracting(e -> e.at("/data/change/hearing/state").asText())
                .containsExactly("OPEN", "ANSWERED", "CONCLUDED");
        assertThat(notices(hearing)).allSatisfy(e -> assertThat(Contracts.violations(e)).isEmpty());
        assertThat(notices(hearing).get(1).at("/data/change/hearing/respondedBy").asText()).startsWith("member.of.");
        assertThat(concluded.getString("items[0].closedBy")).isEqualTo(METI_2);
        assertThat(admin().get("/api/programmes/{p}/ledger?size=200", programme).then().extract().jsonPath()
                .getList("items.reason", String.class)).filteredOn(r -> r != null && r.contains("ministry decision CANCEL"))
                .hasSize(2).allMatch(r -> r.contains("the response of member.of.") && r.contains("considered"));
    }

    @Test
    void aLiftNeedsNoHearingAndWithdrawsTheNoticeOfAnEarlierProposal() {
        String pullback = held("1/2");
        meti().body(Map.of("decision", "REDUCE_BY_RECOMMENDATION", "reason", "as recommended"))
                .post(decision(pullback), programme).then().statusCode(200);
        assertThat(hearingOf(pullback).getLong("items[0].amount")).isEqualTo(TRANCHE); // ⌊2e11 × 1/2⌋
        meti().body(Map.of("decision", "REDUCE_BY_AMOUNT", "amount", 30_000_000_001L, "reason", "less"))
                .post(decision(pullback), programme).then().statusCode(200);
        JsonPath replaced = hearingOf(pullback);
        assertThat(replaced.getList("items.state")).containsExactly("WITHDRAWN", "OPEN");
        // ¥30,000,000,001 over two equal tranches (15,000,000,001 + 15,000,000,000), each split 60/40
        assertThat(replaced.getList("items[1].parts.amount", Long.class)).containsExactly(18_000_000_001L,
                12_000_000_000L);
        meti().body(Map.of("decision", "LIFT", "reason", "targets met since")).post(decision(pullback), programme)
                .then().statusCode(200);
        assertThat(hearingOf(pullback).getList("items.state")).containsExactly("WITHDRAWN", "WITHDRAWN");
        as(METI_2, Roles.METI_OFFICIAL).post(decision(pullback) + "/confirm", programme).then().statusCode(200);
    }

    @Test
    void aTerminationGivesNoticeOfWhatItTakesAndARejectionWithdrawsIt() {
        admin().body(Map.of("name", "Short hearing " + UUID.randomUUID(), "ceiling", 10_000_000_000L,
                "firstFiscalYear", 2026, "lastFiscalYear", 2027, "commissioningMinistry", "METI",
                "executingAgency", "NEDO", "hearingDays", 0)).post("/api/programmes").then().statusCode(400)
                .body("errors[0].field", containsString("hearingDays"));
        meti().header("Idempotency-Key", key()).body(Map.of("kind", "TERMINATE", "grounds", "RECIPIENT_BREACH",
                "returnDeadline", FiscalYear.today(java.time.Clock.systemUTC()).plusDays(14).toString(), "reason",
                "breach")).post("/api/programmes/{p}/budget-decisions", programme).then().statusCode(400)
                .body("errors[0].field", equalTo("returnDeadline"))
                .body("errors[0].reason", containsString("the last day the recipients may answer"));
        String termination = meti().header("Idempotency-Key", key()).body(Map.of("kind", "TERMINATE", "grounds",
                "CHANGE_OF_CIRCUMSTANCES", "reason", "policy withdrawn")).post("/api/programmes/{p}/budget-decisions",
                programme).then().statusCode(201).extract().path("id");
        JsonPath notice = hearingOf(termination);
        assertThat(notice.getString("items[0].subject")).isEqualTo("BUDGET_DECISION");
        assertThat(notice.getString("items[0].proposedDecision")).isEqualTo("TERMINATE");
        assertThat(notice.getLong("items[0].amount")).as("the open tranches it cancels").isEqualTo(2 * TRANCHE);
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .post("/api/programmes/{p}/budget-decisions/{d}/confirm", programme, termination).then().statusCode(409)
                .body("detail", containsString("to answer the notice"));
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key()).body(Map.of("note", "not now"))
                .post("/api/programmes/{p}/budget-decisions/{d}/reject", programme, termination).then().statusCode(200);
        assertThat(hearingOf(termination).getString("items[0].state")).isEqualTo("WITHDRAWN");
        assertThat(programmeTotals(programme)).containsEntry("state", "ACTIVE");
    }

    @Test
    void eachRecipientTheDecisionTakesFromIsHeardAndTheConfirmationWaitsForAllOfThem() {
        String direct = planned(programme, softbank, 2027, 10_000_000_000L); // SoftBank paid directly, too
        approve(programme, direct).then().statusCode(200);
        String pullback = held("1/2");
        meti().body(Map.of("decision", "CANCEL", "reason", "restructured")).post(decision(pullback), programme).then()
                .statusCode(200);
        JsonPath notices = hearingOf(pullback);
        assertThat(notices.getList("items.recipientId")).containsExactlyInAnyOrder(noetra, softbank);
        String toNoetra = "items.find { it.recipientId == '" + noetra + "' }";
        String toSoftbank = "items.find { it.recipientId == '" + softbank + "' }";
        assertThat(notices.getList(toNoetra + ".parts.amount", Long.class)).containsExactly(120_000_000_000L,
                80_000_000_000L);
        assertThat(notices.getList(toSoftbank + ".parts.amount", Long.class)).containsExactly(10_000_000_000L);
        // SoftBank sees its own notice and the consortium's (it is a member), NEC only the consortium's
        member(nec).get("/api/programmes/{p}/hearings", programme).then().body("items", hasSize(1));
        member(nec).header("Idempotency-Key", key()).body(Map.of("response", "for Noetra"))
                .post("/api/programmes/{p}/hearings/{h}/response", programme, notices.getString(toNoetra + ".id"))
                .then().statusCode(200);
        as(METI_2, Roles.METI_OFFICIAL).post(decision(pullback) + "/confirm", programme).then().statusCode(409)
                .body("detail", containsString("has until"));
        member(softbank).header("Idempotency-Key", key()).body(Map.of("response", "for SoftBank"))
                .post("/api/programmes/{p}/hearings/{h}/response", programme, notices.getString(toSoftbank + ".id"))
                .then().statusCode(200);
        as(METI_2, Roles.METI_OFFICIAL).post(decision(pullback) + "/confirm", programme).then().statusCode(200);
        assertThat(hearingOf(pullback).getList("items.state")).containsOnly("CONCLUDED");
    }

    @Test
    void aDecisionIsConfirmedOnlyOnWhatItsNoticeSaidAndNeverAsksMoreThanIsHeld() {
        String pullback = held("1/2");
        meti().body(Map.of("decision", "REDUCE_BY_AMOUNT", "amount", 2 * TRANCHE + 1, "reason", "too much"))
                .post(decision(pullback), programme).then().statusCode(400).body("errors[0].field", equalTo("amount"));
        meti().body(Map.of("decision", "CANCEL", "reason", "restructured")).post(decision(pullback), programme).then()
                .statusCode(200);
        answered(programme, pullback);
        String releasedMeanwhile = admin().get("/api/programmes/{p}/tranches?fiscalYear=2027", programme).then()
                .extract().path("items[0].id");
        act(meti(), programme, releasedMeanwhile, "release", Map.of("reason", "separate decision")).then()
                .statusCode(200);
        as(METI_2, Roles.METI_OFFICIAL).post(decision(pullback) + "/confirm", programme).then().statusCode(409)
                .body("detail", containsString("changed since its notice"));
    }

    @Test
    void aProgrammeTerminatedWhileANoticeIsOpenWithdrawsIt() {
        String pullback = held("1/2");
        meti().body(Map.of("decision", "CANCEL", "reason", "restructured")).post(decision(pullback), programme).then()
                .statusCode(200);
        String termination = meti().header("Idempotency-Key", key()).body(Map.of("kind", "TERMINATE", "grounds",
                "CHANGE_OF_CIRCUMSTANCES", "reason", "policy withdrawn")).post("/api/programmes/{p}/budget-decisions",
                programme).then().statusCode(201).extract().path("id");
        answered(programme, termination);
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .post("/api/programmes/{p}/budget-decisions/{d}/confirm", programme, termination).then().statusCode(200);
        assertThat(hearingOf(termination).getString("items[0].state")).isEqualTo("CONCLUDED");
        assertThat(hearingOf(pullback).getString("items[0].state")).as("nothing can be decided on it any more")
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void aTerminationReversedGivesHeldTranchesBackOnHoldForTheirRecommendationStillUndecided() {
        String pullback = held("1/2");
        String first = admin().get("/api/programmes/{p}/tranches?fiscalYear=2027", programme).then().extract()
                .path("items[0].id");
        meti().header("Idempotency-Key", key()).body(Map.of("action", "REDUCE", "newAmount", 1, "reason", "cut"))
                .post("/api/programmes/{p}/tranches/{t}/decisions", programme, first).then().statusCode(409)
                .body("detail", containsString("is on hold")); // its recommendation's decision says what becomes of it
        String termination = meti().header("Idempotency-Key", key()).body(Map.of("kind", "TERMINATE", "grounds",
                "CHANGE_OF_CIRCUMSTANCES", "reason", "policy withdrawn")).post("/api/programmes/{p}/budget-decisions",
                programme).then().statusCode(201).extract().path("id");
        answered(programme, termination);
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .post("/api/programmes/{p}/budget-decisions/{d}/confirm", programme, termination).then().statusCode(200);
        assertThat(admin().get("/api/programmes/{p}/tranches?fiscalYear=2027", programme).then().extract().jsonPath()
                .getList("items.state")).containsOnly("CANCELLED");

        String hearing = hearingOf(termination).getString("items[0].id");
        member(noetra).header("Idempotency-Key", key()).body(Map.of("grounds", "the policy stands"))
                .post("/api/programmes/{p}/hearings/{h}/objection", programme, hearing).then().statusCode(200);
        String ruling = "/api/programmes/{p}/hearings/{h}/objection/ruling";
        as("meti.sato", Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .body(Map.of("outcome", "UPHELD", "reasons", "the policy stands")).post(ruling, programme, hearing)
                .then().statusCode(200);
        assertThat(admin().get("/api/programmes/{p}/tranches?fiscalYear=2027", programme).then().extract().jsonPath()
                .getList("items.state")).as("held again, as before the termination").containsOnly("ON_HOLD");
        admin().get("/api/programmes/{p}/pullbacks/{id}", programme, pullback).then().body("state",
                equalTo("HOLDING"));
        as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger/verification", programme).then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void anUpheldObjectionGivesBackWhatTheDecisionTookByNewEntriesAndTheLedgerStillVerifies() {
        String pullback = held("1/2");
        meti().body(Map.of("decision", "REDUCE_BY_RECOMMENDATION", "reason", "as recommended"))
                .post(decision(pullback), programme).then().statusCode(200);
        String hearing = hearingOf(pullback).getString("items[0].id");
        Map<String, Object> objection = Map.of("grounds", "The target was met on the re-run evaluation.", "evidence",
                List.of(Map.of("uri", "https://noetra.example/rerun.pdf", "title", "Re-run", "digest",
                        "sha256:" + "ab".repeat(32))));
        member(softbank).header("Idempotency-Key", key()).body(objection)
                .post("/api/programmes/{p}/hearings/{h}/objection", programme, hearing).then().statusCode(409)
                .body("detail", containsString("only a decision confirmed after its hearing"));
        answered(programme, pullback);
        as(METI_2, Roles.METI_OFFICIAL).post(decision(pullback) + "/confirm", programme).then().statusCode(200);
        assertThat(admin().get("/api/programmes/{p}/tranches?fiscalYear=2027", programme).then().extract().jsonPath()
                .getList("items.amount", Long.class)).containsOnly(TRANCHE / 2);

        // the recipient objects, once; to another programme's recipient the hearing does not exist
        member(consortium(programme(1_000_000_000L))).header("Idempotency-Key", key()).body(objection)
                .post("/api/programmes/{p}/hearings/{h}/objection", programme, hearing).then().statusCode(404);
        String key = key();
        String fileBy = FiscalYear.today(java.time.Clock.systemUTC()).plusMonths(3).toString();
        member(nec).header("Idempotency-Key", key).body(objection)
                .post("/api/programmes/{p}/hearings/{h}/objection", programme, hearing).then().statusCode(200)
                .body("objection.state", equalTo("FILED")).body("objection.fileBy", equalTo(fileBy))
                .body("objection.evidence[0].title", equalTo("Re-run"));
        member(nec).header("Idempotency-Key", key).body(objection) // a retry files the same
                .post("/api/programmes/{p}/hearings/{h}/objection", programme, hearing).then().statusCode(200);
        member(softbank).header("Idempotency-Key", key()).body(objection)
                .post("/api/programmes/{p}/hearings/{h}/objection", programme, hearing).then().statusCode(409)
                .body("detail", containsString("already objected"));

        // neither the official who proposed the decision nor the one who confirmed it rules on the objection
        String ruling = "/api/programmes/{p}/hearings/{h}/objection/ruling";
        Map<String, String> upheld = Map.of("outcome", "UPHELD", "reasons", "the re-run meets the target");
        for (String decided : List.of(METI, METI_2)) {
            as(decided, Roles.METI_OFFICIAL).body(upheld).header("Idempotency-Key", key())
                    .post(ruling, programme, hearing).then().statusCode(403)
                    .body("detail", containsString("rule on the objection"));
        }
        long entriesBefore = admin().get("/api/programmes/{p}/ledger", programme).then().extract().jsonPath()
                .getLong("totalItems");
        String rulingKey = key();
        for (int attempt = 0; attempt < 2; attempt++) { // a retry with the same key is answered as the first was
            as("meti.sato", Roles.METI_OFFICIAL).header("Idempotency-Key", rulingKey).body(upheld)
                    .post(ruling, programme, hearing).then().statusCode(200)
                    .body("objection.state", equalTo("UPHELD")).body("objection.ruledBy", equalTo("meti.sato"))
                    .body("objection.reinstated", equalTo(TRANCHE));
        }
        as("meti.sato", Roles.METI_OFFICIAL).header("Idempotency-Key", key()).body(upheld)
                .post(ruling, programme, hearing).then().statusCode(409);

        // given back by new entries, committed again; history stays, and the chain still verifies
        JsonPath tranches = admin().get("/api/programmes/{p}/tranches?fiscalYear=2027", programme).then().extract()
                .jsonPath();
        assertThat(tranches.getList("items.amount", Long.class)).containsOnly(TRANCHE);
        assertThat(tranches.getList("items.state")).containsOnly("APPROVED");
        assertThat(programmeTotals(programme)).containsEntry("committed", 2 * TRANCHE);
        JsonPath ledger = admin().get("/api/programmes/{p}/ledger?size=200", programme).then().extract().jsonPath();
        assertThat(ledger.getLong("totalItems")).isEqualTo(entriesBefore + 2);
        assertThat(ledger.getList("items.kind")).containsSubsequence("TRANCHE_REDUCED", "TRANCHE_REDUCED",
                "TRANCHE_REINSTATED", "TRANCHE_REINSTATED");
        assertThat(ledger.getList("items.findAll { it.kind == 'TRANCHE_REINSTATED' }.reason", String.class))
                .allMatch(r -> r.contains("upheld by meti.sato") && r.contains("reverses ministry decision "
                        + "REDUCE_BY_RECOMMENDATION on pullback recommendation " + pullback));
        as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger/verification", programme).then().statusCode(200)
                .body("intact", equalTo(true));

        // filed and ruled on the programme topic, the reinstatements on the tranche topic; each valid
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(hearing).size() == 5);
        List<JsonNode> course = notices(hearing).subList(3, 5);
        assertThat(course).extracting(e -> e.at("/data/change/objection/state").asText()).containsExactly("FILED",
                "UPHELD");
        assertThat(course).allSatisfy(e -> assertThat(Contracts.violations(e)).isEmpty());
        assertThat(course.get(1).at("/data/change/objection/reinstated").asLong()).isEqualTo(TRANCHE);
        try (ConsumerTask<String, String> trancheEvents = kafka.consumeStrings().fromTopics("aifund.tranche-events.v1")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reinstated(trancheEvents).size() == 2);
            assertThat(reinstated(trancheEvents)).allSatisfy(e -> {
                assertThat(Contracts.violations(e)).isEmpty();
                assertThat(e.at("/data/change/amount").asLong()).isEqualTo(TRANCHE / 2);
            });
        }
    }

    @Test
    void aDismissedObjectionMovesNoMoneyAndAnUpheldOneNeverExceedsTheEnvelope() {
        String pullback = held("1/2");
        meti().body(Map.of("decision", "CANCEL", "reason", "restructured")).post(decision(pullback), programme).then()
                .statusCode(200);
        answered(programme, pullback);
        as(METI_2, Roles.METI_OFFICIAL).post(decision(pullback) + "/confirm", programme).then().statusCode(200);
        String hearing = hearingOf(pullback).getString("items[0].id");
        String ruling = "/api/programmes/{p}/hearings/{h}/objection/ruling";
        as("meti.sato", Roles.METI_OFFICIAL).body(Map.of("outcome", "UPHELD", "reasons", "none filed"))
                .header("Idempotency-Key", key()).post(ruling, programme, hearing).then().statusCode(404);
        member(softbank).header("Idempotency-Key", key()).body(Map.of("grounds", "disproportionate"))
                .post("/api/programmes/{p}/hearings/{h}/objection", programme, hearing).then().statusCode(200);

        // the cancelled money went to another tranche meanwhile: giving it back would exceed the FY2027 envelope
        approve(programme, planned(programme, noetra, 2027, 300_000_000_000L)).then().statusCode(200);
        as("meti.sato", Roles.METI_OFFICIAL).body(Map.of("outcome", "UPHELD", "reasons", "disproportionate"))
                .header("Idempotency-Key", key()).post(ruling, programme, hearing).then().statusCode(409)
                .body("detail", containsString("FY2027"));
        as("meti.sato", Roles.METI_OFFICIAL).body(Map.of("outcome", "FILED", "reasons", "?"))
                .header("Idempotency-Key", key()).post(ruling, programme, hearing).then().statusCode(400)
                .body("errors[0].field", containsString("outcome"));

        long entries = admin().get("/api/programmes/{p}/ledger", programme).then().extract().jsonPath().getLong("totalItems");
        as("meti.sato", Roles.METI_OFFICIAL).body(Map.of("outcome", "DISMISSED", "reasons", "the decision stands"))
                .header("Idempotency-Key", key()).post(ruling, programme, hearing).then().statusCode(200)
                .body("objection.state", equalTo("DISMISSED")).body("objection.reinstated", equalTo(null));
        assertThat(admin().get("/api/programmes/{p}/ledger", programme).then().extract().jsonPath().getLong("totalItems"))
                .isEqualTo(entries);
        assertThat(admin().get("/api/programmes/{p}/tranches?fiscalYear=2027&state=CANCELLED", programme).then()
                .extract().jsonPath().getList("items")).hasSize(2);
    }

    private List<JsonNode> reinstated(ConsumerTask<String, String> trancheEvents) {
        return trancheEvents.getRecords().stream().filter(r -> programme.equals(r.key())).map(r -> read(r.value()))
                .filter(e -> e.path("type").asText().equals("jp.go.meti.aifund.tranche.reinstated.v1")).toList();
    }

    private JsonNode awaitNotice(String hearing) {
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(hearing).size() == 1);
        return notices(hearing).get(0);
    }

    private List<JsonNode> notices(String hearing) {
        return programmeEvents.getRecords().stream().filter(r -> programme.equals(r.key())).map(r -> read(r.value()))
                .filter(e -> hearing.equals(e.at("/data/change/hearing/hearingId").asText())).toList();
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
