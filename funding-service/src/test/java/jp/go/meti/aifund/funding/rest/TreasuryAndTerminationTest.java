package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Returned money and the end of a programme through the API, on the real database and broker:
 * money a recipient returns goes to the treasury and is headroom again only by a four-eyes
 * re-appropriation, never more than was returned; a termination mid-year (four eyes, its grounds)
 * cancels the open tranches, closes every year, orders back what a breach requires with the
 * statutory interest to the day, and no money moves afterwards, save the return orders' settlement.
 */
@QuarkusTest
class TreasuryAndTerminationTest {

    private static final long BILLION = 1_000_000_000L;
    private static final LocalDate PAID_ON = LocalDate.parse("2026-06-01");

    private String programme;
    private String consortium;

    /** FY2026–FY2027: today is in FY2026. */
    @BeforeEach
    void programmeInItsFirstYear() {
        programme = admin().body(Map.of("name", "Treasury " + UUID.randomUUID(), "ceiling", 100 * BILLION,
                "firstFiscalYear", 2026, "lastFiscalYear", 2027, "commissioningMinistry", "METI",
                "executingAgency", "NEDO")).post("/api/programmes").then().statusCode(201).extract().path("id");
        envelope(programme, 2026, 10 * BILLION);
        envelope(programme, 2027, 20 * BILLION);
        consortium = consortium(programme);
    }

    private String paid(long amount) {
        String t = planned(programme, consortium, 2026, amount);
        approve(programme, t).then().statusCode(200);
        act(nedo(), programme, t, "disburse", Map.of("disbursedOn", PAID_ON.toString())).then().statusCode(200);
        return t;
    }

    private Response propose(Map<String, ?> body) {
        return meti().header("Idempotency-Key", key()).body(body).post("/api/programmes/{p}/budget-decisions", programme);
    }

    private Response confirm(String decision) {
        return as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .post("/api/programmes/{p}/budget-decisions/{d}/confirm", programme, decision);
    }

    /** The programme's figures, every number as a long (JSON has no int or long). */
    private Map<String, Object> totals() {
        Map<String, Object> totals = new java.util.HashMap<>();
        programmeTotals(programme).forEach((k, v) -> totals.put(k, v instanceof Number n ? (Object) n.longValue() : v));
        return totals;
    }

    private JsonPath envelopeOf(int fy) {
        return admin().get("/api/programmes/{p}/envelopes/{fy}", programme, fy).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void returnedMoneyIsNoHeadroomUntilAReappropriationNeverMoreThanWasReturned() {
        String t = paid(6 * BILLION);
        act(meti(), programme, t, "recover", Map.of("amount", BILLION, "reason", "unused")).then().statusCode(200);
        assertThat(totals()).containsEntry("headroom", 94 * BILLION)
                .containsEntry("returnedToTreasury", BILLION).containsEntry("reappropriated", 0L);
        assertThat(envelopeOf(2026).getLong("headroom")).isEqualTo(4 * BILLION);

        propose(Map.of("kind", "REAPPROPRIATION", "fiscalYear", 2027, "amount", BILLION + 1, "reason", "too much"))
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("the treasury holds ¥1,000,000,000"));
        propose(Map.of("kind", "REAPPROPRIATION", "fiscalYear", 2027, "reason", "no amount")).then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        propose(Map.of("kind", "REAPPROPRIATION", "fiscalYear", 2027, "amount", BILLION, "newCeiling", 1, "reason", "x"))
                .then().statusCode(400).body("errors[0].field", equalTo("newCeiling"));
        String d = propose(Map.of("kind", "REAPPROPRIATION", "fiscalYear", 2027, "amount", 600_000_000L,
                "reason", "returned funds re-appropriated by the supplementary budget")).then().statusCode(201)
                .extract().path("id");
        meti().header("Idempotency-Key", key()).post("/api/programmes/{p}/budget-decisions/{d}/confirm", programme, d)
                .then().statusCode(403);
        confirm(d).then().statusCode(200).body("state", equalTo("CONFIRMED"));

        assertThat(totals()).containsEntry("headroom", 94 * BILLION + 600_000_000L)
                .containsEntry("returnedToTreasury", 400_000_000L).containsEntry("reappropriated", 600_000_000L)
                .containsEntry("planned", 30 * BILLION + 600_000_000L);
        assertThat(envelopeOf(2027).getLong("amount")).isEqualTo(20 * BILLION + 600_000_000L);
        assertThat(envelopeOf(2027).getLong("reappropriated")).isEqualTo(600_000_000L);
        Map<String, Object> fy27 = admin().get("/api/programmes/{p}/year-end-report", programme).then().statusCode(200)
                .extract().jsonPath().getMap("find { it.fiscalYear == 2027 }");
        assertThat(fy27).containsEntry("planned", 20 * BILLION).containsEntry("reappropriated", 600_000_000)
                .containsEntry("unspent", 20 * BILLION + 600_000_000L);
        as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger?size=200", programme).then().statusCode(200)
                .body("items.find { it.kind == 'REAPPROPRIATED' }.amount", equalTo(600_000_000))
                .body("items.find { it.kind == 'REAPPROPRIATED' }.fiscalYear", equalTo(2027));
    }

    @Test
    void aTerminationForABreachMidYearCancelsClosesAndOrdersEveryPaidYenBackWithInterest() {
        String paid = paid(3_650_000_000L);
        String approvedUnpaid = planned(programme, consortium, 2026, 2 * BILLION);
        approve(programme, approvedUnpaid).then().statusCode(200);
        String plannedNextYear = planned(programme, consortium, 2027, BILLION);
        LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(30);

        propose(Map.of("kind", "TERMINATE", "reason", "no grounds")).then().statusCode(400)
                .body("errors[0].field", equalTo("grounds"));
        propose(Map.of("kind", "TERMINATE", "grounds", "RECIPIENT_BREACH", "reason", "no deadline")).then()
                .statusCode(400).body("errors[0].field", equalTo("returnDeadline"));
        String d = propose(Map.of("kind", "TERMINATE", "grounds", "RECIPIENT_BREACH", "returnDeadline",
                deadline.toString(), "reason", "results falsified in the FY2026 interim report")).then().statusCode(201)
                .body("grounds", equalTo("RECIPIENT_BREACH")).extract().path("id");
        assertThat(totals()).containsEntry("state", "ACTIVE"); // proposed: nothing moved yet
        answered(programme, d);
        confirm(d).then().statusCode(200).body("state", equalTo("CONFIRMED"));
        confirm(d).then().statusCode(409);

        Map<String, Object> totals = totals();
        assertThat(totals).containsEntry("state", "TERMINATED").containsEntry("committed", 0L)
                .containsEntry("disbursed", 3_650_000_000L).containsEntry("planned", 3_650_000_000L)
                .containsEntry("endedBy", METI_2);
        for (String t : List.of(approvedUnpaid, plannedNextYear)) {
            admin().get("/api/programmes/{p}/tranches/{t}", programme, t).then().body("state", equalTo("CANCELLED"));
        }
        assertThat(List.of(envelopeOf(2026).getLong("lapsed"), envelopeOf(2027).getLong("lapsed")))
                .containsExactly(10 * BILLION - 3_650_000_000L, 20 * BILLION);
        assertThat(List.of(envelopeOf(2026).getString("closedAt"), envelopeOf(2027).getString("closedAt")))
                .doesNotContainNull();

        // every paid yen ordered back; interest at 10.95 % a year from 1 June 2026, both days counted:
        // ¥3,650,000,000 × 0.1095 / 365 = ¥1,095,000 a day
        JsonPath order = admin().get("/api/programmes/{p}/tranches/{t}/return-orders", programme, paid).then()
                .statusCode(200).extract().jsonPath();
        assertThat(order.getList("items")).hasSize(1);
        assertThat(order.getLong("items[0].amount")).isEqualTo(3_650_000_000L);
        assertThat(order.getString("items[0].deadline")).isEqualTo(deadline.toString());
        long days = ChronoUnit.DAYS.between(PAID_ON, LocalDate.parse(order.getString("items[0].interestAsOf"))) + 1;
        assertThat(order.getLong("items[0].interestDays")).isEqualTo(days);
        assertThat(order.getLong("items[0].interest")).isEqualTo(1_095_000L * days);

        // no money moves any more, save the settlement of the return order
        admin().body(Map.of("amount", 30 * BILLION)).put("/api/programmes/{p}/envelopes/2027", programme).then()
                .statusCode(409);
        nedo().header("Idempotency-Key", key()).body(Map.of("fiscalYear", 2027, "recipientId", consortium,
                "amount", 1)).post("/api/programmes/{p}/tranches", programme).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("TERMINATED"));
        propose(Map.of("kind", "CEILING_AMENDMENT", "newCeiling", 200 * BILLION, "reason", "too late")).then()
                .statusCode(409);
        String orderId = order.getString("items[0].id");
        meti().body(Map.of("repaidOn", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString()))
                .post("/api/programmes/{p}/tranches/{t}/return-orders/{o}/settle", programme, paid, orderId).then()
                .statusCode(200).body("state", equalTo("SETTLED"));
        assertThat(totals()).containsEntry("returnedToTreasury", 3_650_000_000L);
        assertThat(as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger?size=200", programme).then().extract()
                .jsonPath().getList("items.kind")).contains("PROGRAMME_TERMINATED", "YEAR_CLOSED", "TRANCHE_CANCELLED",
                        "TRANCHE_RECOVERED");
        as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger/verification", programme).then()
                .body("intact", equalTo(true));
    }

    @Test
    void aTerminationOnChangedCircumstancesLeavesThePaidMoneyWithTheRecipient() {
        String paid = paid(BILLION);
        String d = propose(Map.of("kind", "TERMINATE", "grounds", "CHANGE_OF_CIRCUMSTANCES",
                "reason", "the programme's policy was withdrawn")).then().statusCode(201).extract().path("id");
        answered(programme, d);
        confirm(d).then().statusCode(200);
        assertThat(totals()).containsEntry("state", "TERMINATED").containsEntry("disbursed", BILLION);
        assertThat(admin().get("/api/programmes/{p}/tranches/{t}/return-orders", programme, paid).then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
    }

    /** An approved unpaid FY2026 tranche of ¥2 billion (its id) and a planned FY2027 one of ¥1 billion. */
    private String openTranches() {
        String approved = planned(programme, consortium, 2026, 2 * BILLION);
        approve(programme, approved).then().statusCode(200);
        planned(programme, consortium, 2027, BILLION);
        return approved;
    }

    /** A breach termination, confirmed after its hearing; its id. */
    private String terminatedForABreach() {
        String d = propose(Map.of("kind", "TERMINATE", "grounds", "RECIPIENT_BREACH", "returnDeadline",
                LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(30).toString(), "reason", "results falsified"))
                .then().statusCode(201).extract().path("id");
        answered(programme, d);
        confirm(d).then().statusCode(200);
        return d;
    }

    /** The consortium objects to the termination; the hearing's id. */
    private String objected(String termination) {
        String hearing = admin().get("/api/programmes/{p}/hearings?subjectId={s}", programme, termination).then()
                .extract().path("items[0].id");
        member(consortium).header("Idempotency-Key", key()).body(Map.of("grounds", "The results were not falsified: "
                + "the auditor's report is attached.")).post("/api/programmes/{p}/hearings/{h}/objection", programme,
                        hearing).then().statusCode(200).body("objection.state", equalTo("FILED"));
        return hearing;
    }

    private Response rule(String official, String hearing, String outcome) {
        return as(official, Roles.METI_OFFICIAL).body(Map.of("outcome", outcome, "reasons", "reviewed"))
                .header("Idempotency-Key", key()).post("/api/programmes/{p}/hearings/{h}/objection/ruling", programme,
                        hearing);
    }

    @Test
    void anUpheldObjectionToATerminationResumesTheProgrammeAndGivesBackEverythingItTook() {
        String paid = paid(3_650_000_000L);
        String approved = openTranches();
        Map<String, Object> before = totals();
        String decisions = "/api/programmes/" + programme + "/tranches/" + approved + "/decisions";
        String pending = meti().header("Idempotency-Key", key()).body(Map.of("action", "CANCEL", "reason", "scope"))
                .post(decisions).then().statusCode(201).extract().path("id");
        String termination = terminatedForABreach();
        admin().get(decisions + "/{d}", pending).then().body("state", equalTo("WITHDRAWN"))
                .body("decisionNote", org.hamcrest.Matchers.startsWith("the programme was TERMINATED"));
        assertThat(admin().get("/api/programmes/{p}/tranches?size=100", programme).then().extract().jsonPath()
                .getList("items.state")).containsExactlyInAnyOrder("DISBURSED", "CANCELLED", "CANCELLED");
        String hearing = objected(termination);

        rule(METI, hearing, "UPHELD").then().statusCode(403); // it proposed the termination
        rule(METI_2, hearing, "UPHELD").then().statusCode(403); // it confirmed it
        rule("meti.sato", hearing, "UPHELD").then().statusCode(200).body("objection.state", equalTo("UPHELD"))
                .body("objection.reinstated", equalTo(3_650_000_000L + 3 * BILLION));

        // the programme is active again, every figure as before the termination, every year open
        Map<String, Object> after = totals();
        assertThat(after).containsEntry("state", "ACTIVE").containsEntry("endedBy", null);
        for (String figure : List.of("planned", "committed", "disbursed", "recovered", "headroom")) {
            assertThat(after.get(figure)).as(figure).isEqualTo(before.get(figure));
        }
        for (int fy : List.of(2026, 2027)) {
            assertThat(envelopeOf(fy).getString("closedAt")).as("FY" + fy).isNull();
            assertThat(envelopeOf(fy).getLong("lapsed")).as("FY" + fy).isZero();
        }
        assertThat(admin().get("/api/programmes/{p}/tranches?size=100", programme).then().extract().jsonPath()
                .getList("items.state")).containsExactlyInAnyOrder("DISBURSED", "APPROVED", "PLANNED");
        assertThat(admin().get("/api/programmes/{p}/tranches/{t}/return-orders", programme, paid).then().extract()
                .jsonPath().getString("items[0].state")).isEqualTo("ANNULLED");
        plan(programme, consortium, 2027, BILLION).then().statusCode(201); // money moves again
        meti().header("Idempotency-Key", key()).body(Map.of("action", "CANCEL", "reason", "scope, again"))
                .post(decisions).then().statusCode(201); // what the termination withdrew is proposed again
        JsonPath ledger = as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger?size=200", programme).then()
                .extract().jsonPath();
        assertThat(ledger.getList("items.kind")).containsSubsequence("PROGRAMME_TERMINATED", "YEAR_REOPENED",
                "YEAR_REOPENED", "PROGRAMME_RESUMED", "TRANCHE_REINSTATED", "TRANCHE_REINSTATED");
        as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger/verification", programme).then()
                .body("intact", equalTo(true));
    }

    @Test
    void aTerminationWhoseReturnOrderWasRepaidIsNotReversedHereAndMayStillBeDismissed() {
        String paid = paid(BILLION);
        String hearing = objected(terminatedForABreach());
        String order = admin().get("/api/programmes/{p}/tranches/{t}/return-orders", programme, paid).then().extract()
                .path("items[0].id");
        meti().body(Map.of("repaidOn", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString()))
                .post("/api/programmes/{p}/tranches/{t}/return-orders/{o}/settle", programme, paid, order).then()
                .statusCode(200);
        rule("meti.sato", hearing, "UPHELD").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("a refund is ordered by the ministry in writing"));
        assertThat(totals()).containsEntry("state", "TERMINATED");
        rule("meti.sato", hearing, "DISMISSED").then().statusCode(200).body("objection.state", equalTo("DISMISSED"));
    }
}
