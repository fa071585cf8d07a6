package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Adverse decisions on one tranche are heard before they are made, on the real database and broker:
 * an approved tranche is reduced or cancelled, and paid money ordered back, only by a decision one
 * official proposes (notice to the recipient, with what it takes per member and the day to answer by)
 * and another confirms once the recipient answered or that day passed; a plan is still changed
 * directly. An upheld objection gives a reduction or cancellation back by new ledger entries and annuls
 * a return order.
 */
@QuarkusTest
class TrancheDecisionTest {

    private static final long TRANCHE = 100_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> programmeEvents;
    private String programme;
    private String noetra;
    private String softbank;
    private String approved;

    /** Noetra (SoftBank 60 %, NEC 40 %) with one approved FY2026 tranche. */
    @BeforeEach
    void programmeWithAnApprovedTranche() {
        kafka = new KafkaCompanion(bootstrap);
        programmeEvents = kafka.consumeStrings().fromTopics("aifund.programme-events.v1");
        programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 300_000_000_000L);
        noetra = consortium(programme);
        softbank = member(programme, noetra, "SoftBank", 6000);
        member(programme, noetra, "NEC", 4000);
        approved = planned(programme, noetra, 2026, TRANCHE);
        approve(programme, approved).then().statusCode(200);
    }

    @AfterEach
    void close() {
        programmeEvents.stop();
        kafka.close();
    }

    @Test
    void anApprovedTrancheIsReducedOnlyAfterTheRecipientWasHeardAndByASecondOfficial() {
        // a plan is changed directly; once approved, directly is refused and names the way
        String plan = planned(programme, noetra, 2026, TRANCHE);
        act(meti(), programme, plan, "reduce", Map.of("newAmount", TRANCHE / 2, "reason", "smaller plan")).then()
                .statusCode(200).body("state", equalTo("REDUCED"));
        act(meti(), programme, approved, "reduce", Map.of("newAmount", TRANCHE / 2, "reason", "scope cut")).then()
                .statusCode(409).body("detail", containsString("the recipient is heard before it is reduced"))
                .body("detail", containsString("/tranches/" + approved + "/decisions"));
        act(meti(), programme, approved, "cancel", Map.of("reason", "scope cut")).then().statusCode(409);

        // proposed: the amounts the action needs, and none it does not take
        propose(Map.of("action", "REDUCE", "reason", "scope cut")).then().statusCode(400)
                .body("errors[0].field", equalTo("newAmount"));
        propose(Map.of("action", "CANCEL", "newAmount", 1, "reason", "scope cut")).then().statusCode(400)
                .body("errors[0].field", equalTo("newAmount"));
        propose(Map.of("action", "REDUCE", "newAmount", TRANCHE, "reason", "scope cut")).then().statusCode(400)
                .body("errors[0].field", equalTo("newAmount"));
        propose(Map.of("action", "REDUCE", "newAmount", 1, "reason", "on a plan")).then().statusCode(201);
        String decision = decisions().getString("items[0].id");
        propose(Map.of("action", "CANCEL", "reason", "another")).then().statusCode(409)
                .body("detail", containsString("awaits confirmation"));

        // the notice: what it takes from each member, and by when to answer
        JsonPath notice = hearingOf(decision);
        String answerBy = FiscalYear.today(Clock.systemUTC()).plusDays(14).toString();
        assertThat(notice.getString("items[0].subject")).isEqualTo("TRANCHE_DECISION");
        assertThat(notice.getString("items[0].proposedDecision")).isEqualTo("REDUCE");
        assertThat(notice.getLong("items[0].amount")).isEqualTo(TRANCHE - 1);
        assertThat(notice.getList("items[0].parts.amount", Long.class)).containsExactly(60_000_000_000L - 1,
                40_000_000_000L);
        assertThat(notice.getString("items[0].answerBy")).isEqualTo(answerBy);
        JsonNode event = awaitEvents(notice.getString("items[0].id"), 1).get(0);
        assertThat(Contracts.violations(event)).isEmpty();
        assertThat(event.at("/data/change/hearing/subject").asText()).isEqualTo("TRANCHE_DECISION");

        // not by its proposer; not before the answer or the day; then once
        confirm(METI, decision).then().statusCode(403);
        confirm(METI_2, decision).then().statusCode(409).body("detail", containsString("has until " + answerBy));
        assertThat(tranche(approved).getString("state")).isEqualTo("APPROVED");
        answered(programme, decision);
        confirm(METI_2, decision).then().statusCode(200).body("state", equalTo("CONFIRMED"))
                .body("decidedBy", equalTo(METI_2));
        confirm("meti.sato", decision).then().statusCode(409);
        assertThat(tranche(approved).getString("state")).isEqualTo("REDUCED");
        assertThat(tranche(approved).getLong("amount")).isEqualTo(1);
        assertThat(hearingOf(decision).getString("items[0].state")).isEqualTo("CONCLUDED");
        String reason = admin().get("/api/programmes/{p}/ledger?size=200", programme).then().extract().jsonPath()
                .getString("items.findAll { it.kind == 'TRANCHE_REDUCED' && it.trancheId == '" + approved
                        + "' }[0].reason");
        assertThat(reason).startsWith("tranche decision " + decision + " (REDUCE, proposed by " + METI
                + ", confirmed by " + METI_2 + "): on a plan").contains("considered");
    }

    @Test
    void anUpheldObjectionToACancellationGivesTheTrancheBackAndTheLedgerStillVerifies() {
        Map<String, Object> cancelled = decided(programme, approved, Map.of("action", "CANCEL", "reason", "withdrawn"));
        assertThat(tranche(approved).getString("state")).isEqualTo("CANCELLED");
        assertThat(programmeTotals(programme)).containsEntry("committed", 0);
        String hearing = hearingOf((String) cancelled.get("id")).getString("items[0].id");

        object(hearing);
        rule("meti.sato", hearing).then().statusCode(200).body("objection.state", equalTo("UPHELD"))
                .body("objection.reinstated", equalTo(TRANCHE));
        assertThat(tranche(approved).getString("state")).isEqualTo("APPROVED");
        assertThat(tranche(approved).getLong("amount")).isEqualTo(TRANCHE);
        assertThat(programmeTotals(programme)).containsEntry("committed", TRANCHE);
        as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger/verification", programme).then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void paidMoneyIsOrderedBackOnlyAfterAHearingAndAnUpheldObjectionAnnulsTheOrder() {
        disburse(programme, approved).then().statusCode(200);
        LocalDate answerBy = FiscalYear.today(Clock.systemUTC()).plusDays(14);
        propose(Map.of("action", "ORDER_RETURN", "returnAmount", TRANCHE / 4, "returnDeadline", answerBy.toString(),
                "reason", "misuse")).then().statusCode(400).body("errors[0].field", equalTo("returnDeadline"));
        propose(Map.of("action", "ORDER_RETURN", "returnAmount", TRANCHE + 1, "returnDeadline",
                answerBy.plusDays(30).toString(), "reason", "misuse")).then().statusCode(400)
                .body("errors[0].field", equalTo("returnAmount"));
        meti().body(Map.of("amount", 1, "deadline", answerBy.plusDays(30).toString(), "reason", "directly"))
                .post("/api/programmes/{p}/tranches/{t}/return-orders", programme, approved).then().statusCode(404); // no such operation: only a decision orders money back

        Map<String, Object> ordered = decided(programme, approved, Map.of("action", "ORDER_RETURN", "returnAmount",
                TRANCHE / 4, "returnDeadline", answerBy.plusDays(30).toString(), "reason", "misuse of funds"));
        String order = (String) ordered.get("returnOrderId");
        JsonPath issued = returnOrder(order);
        assertThat(issued.getString("state")).isEqualTo("OPEN");
        assertThat(issued.getLong("amount")).isEqualTo(TRANCHE / 4);
        assertThat(issued.getString("reason")).startsWith("tranche decision " + ordered.get("id") + " (ORDER_RETURN")
                .contains("considered");

        String hearing = hearingOf((String) ordered.get("id")).getString("items[0].id");
        object(hearing);
        rule("meti.sato", hearing).then().statusCode(200).body("objection.reinstated", equalTo(TRANCHE / 4));
        JsonPath annulled = returnOrder(order);
        assertThat(annulled.getString("state")).isEqualTo("ANNULLED");
        assertThat(annulled.getString("annulledBy")).isEqualTo("meti.sato");
        assertThat(List.of(annulled.getLong("totalDue"), annulled.getLong("interest"), annulled.getLong("lateInterest")))
                .containsOnly(0L);
        meti().header("Idempotency-Key", key()).body(Map.of("repaidOn", FiscalYear.today(Clock.systemUTC()).toString()))
                .post("/api/programmes/{p}/tranches/{t}/return-orders/{o}/settle", programme, approved, order).then()
                .statusCode(409);
    }

    @Test
    void aRejectionSaysWhyAndWithdrawsTheNotice() {
        propose(Map.of("action", "CANCEL", "reason", "withdrawn")).then().statusCode(201);
        String decision = decisions().getString("items[0].id");
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key()).body(Map.of())
                .post("/api/programmes/{p}/tranches/{t}/decisions/{d}/reject", programme, approved, decision).then()
                .statusCode(400).body("errors[0].field", equalTo("note"));
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key()).body(Map.of("note", "not proportionate"))
                .post("/api/programmes/{p}/tranches/{t}/decisions/{d}/reject", programme, approved, decision).then()
                .statusCode(200).body("state", equalTo("REJECTED"));
        assertThat(hearingOf(decision).getString("items[0].state")).isEqualTo("WITHDRAWN");
        assertThat(tranche(approved).getString("state")).isEqualTo("APPROVED");
        // another recipient's member does not see the tranche's decisions
        member(consortium(programme(1_000_000_000L))).get("/api/programmes/{p}/tranches/{t}/decisions", programme,
                approved).then().statusCode(404);
        member(softbank).get("/api/programmes/{p}/tranches/{t}/decisions/{d}", programme, approved, decision).then()
                .statusCode(200).body("decisionNote", equalTo("not proportionate"));
        propose(Map.of("action", "CANCEL", "reason", "withdrawn, again")).then().statusCode(201);
    }

    private io.restassured.response.Response propose(Map<String, ?> body) {
        return meti().header("Idempotency-Key", key()).body(body)
                .post("/api/programmes/{p}/tranches/{t}/decisions", programme, approved);
    }

    private io.restassured.response.Response confirm(String official, String decision) {
        return as(official, Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .post("/api/programmes/{p}/tranches/{t}/decisions/{d}/confirm", programme, approved, decision);
    }

    private void object(String hearing) {
        member(softbank).header("Idempotency-Key", key()).body(Map.of("grounds", "The use was agreed in writing."))
                .post("/api/programmes/{p}/hearings/{h}/objection", programme, hearing).then().statusCode(200);
    }

    private io.restassured.response.Response rule(String official, String hearing) {
        return as(official, Roles.METI_OFFICIAL).body(Map.of("outcome", "UPHELD", "reasons", "it was agreed"))
                .header("Idempotency-Key", key()).post("/api/programmes/{p}/hearings/{h}/objection/ruling", programme,
                        hearing);
    }

    private JsonPath decisions() {
        return admin().get("/api/programmes/{p}/tranches/{t}/decisions", programme, approved).then().statusCode(200)
                .extract().jsonPath();
    }

    private JsonPath tranche(String id) {
        return admin().get("/api/programmes/{p}/tranches/{t}", programme, id).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath returnOrder(String id) {
        return admin().get("/api/programmes/{p}/tranches/{t}/return-orders/{o}", programme, approved, id).then()
                .statusCode(200).extract().jsonPath();
    }

    private JsonPath hearingOf(String subject) {
        return admin().get("/api/programmes/{p}/hearings?subjectId={s}", programme, subject).then().statusCode(200)
                .extract().jsonPath();
    }

    private List<JsonNode> awaitEvents(String hearing, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events(hearing).size() >= count);
        return events(hearing);
    }

    private List<JsonNode> events(String hearing) {
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
