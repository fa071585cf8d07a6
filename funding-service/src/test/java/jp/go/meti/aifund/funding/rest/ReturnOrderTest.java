package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** Clawback by return order: the amount returns to the treasury (not the headroom), the statutory interest is on record. */
@QuarkusTest
class ReturnOrderTest {

    private static final long PAID = 10_000_000L;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private String programme;
    private String noetra;
    private String tranche;

    @BeforeEach
    void disbursedTranche() {
        programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 100_000_000_000L);
        noetra = consortium(programme);
        tranche = planned(programme, noetra, 2026, PAID);
        approve(programme, tranche).then().statusCode(200);
        disburse(programme, tranche).then().statusCode(200);
    }

    private String orders() {
        return "/api/programmes/" + programme + "/tranches/" + tranche + "/return-orders";
    }

    /** A return order of {@code paid} issued by a confirmed ORDER_RETURN decision, the recipient heard; its id. */
    private String ordered(String paid, long amount, LocalDate deadline) {
        return (String) decided(programme, paid, Map.of("action", "ORDER_RETURN", "returnAmount", amount,
                "returnDeadline", deadline.toString(), "reason", "unused funds")).get("returnOrderId");
    }

    private io.restassured.response.Response propose(io.restassured.specification.RequestSpecification who,
            Map<String, ?> body) {
        return who.header("Idempotency-Key", key()).body(body)
                .post("/api/programmes/{p}/tranches/{t}/decisions", programme, tranche);
    }

    @Test
    void settlingAnOrderRecoversTheMoneyAndFixesTheInterestToTheDay() {
        long headroom = ((Number) programmeTotals(programme).get("headroom")).longValue();
        String order = ordered(tranche, 3_650_000, TODAY.plusDays(30));
        meti().get(orders() + "/{o}", order).then().statusCode(200)
                .body("receivedOn", equalTo(TODAY.toString())).body("state", equalTo("OPEN"))
                .body("interestDays", equalTo(1)).body("interest", equalTo(1_095)); // 3,650,000 × 10.95 % / 365

        meti().body(Map.of("repaidOn", TODAY.toString())).post(orders() + "/{o}/settle", order).then().statusCode(200)
                .body("state", equalTo("SETTLED")).body("interest", equalTo(1_095)).body("lateInterest", equalTo(0))
                .body("totalDue", equalTo(3_651_095));
        assertThat(programmeTotals(programme)).containsEntry("headroom", headroom)
                .containsEntry("returnedToTreasury", 3_650_000);
        meti().body(Map.of("repaidOn", TODAY.toString())).post(orders() + "/{o}/settle", order).then().statusCode(409);
    }

    @Test
    void anOrderCannotExceedWhatWasPaidNorBeDueBeforeTheRecipientWasHeard() {
        String deadline = TODAY.plusDays(30).toString();
        propose(meti(), Map.of("action", "ORDER_RETURN", "returnAmount", PAID + 1, "returnDeadline", deadline,
                "reason", "x")).then().statusCode(400).body("errors[0].field", equalTo("returnAmount"));
        propose(meti(), Map.of("action", "ORDER_RETURN", "returnAmount", PAID, "returnDeadline",
                TODAY.minusDays(1).toString(), "reason", "x")).then().statusCode(400)
                .body("errors[0].field", equalTo("returnDeadline"));
        ordered(tranche, PAID, TODAY.plusDays(30));
        propose(meti(), Map.of("action", "ORDER_RETURN", "returnAmount", 1, "returnDeadline", deadline, "reason", "x"))
                .then().statusCode(400).body("detail", containsString("already ordered back"));
        propose(nedo(), Map.of("action", "ORDER_RETURN", "returnAmount", 1, "returnDeadline", deadline, "reason", "x"))
                .then().statusCode(403);
    }

    /**
     * Paid on 1 April 2026 (recorded with its value date), repaid today: ¥3,650,000 × 10.95 % / 365 =
     * ¥1,095 a day, for every day from the payment to the repayment, both counted. (Late interest past
     * the deadline is counted by StatutoryInterestTest: a deadline comes after the hearing, in the future.)
     */
    @Test
    void interestCountsEveryDayFromPaymentToRepayment() {
        String paid = planned(programme, noetra, 2026, 3_650_000L);
        approve(programme, paid).then().statusCode(200);
        act(nedo(), programme, paid, "disburse", Map.of("disbursedOn", "2026-04-01")).then().statusCode(200)
                .body("disbursedOn", equalTo("2026-04-01"));
        String orders = "/api/programmes/" + programme + "/tranches/" + paid + "/return-orders";
        String order = ordered(paid, 3_650_000, TODAY.plusDays(30));

        nedo().get(orders + "/{o}", order).then().statusCode(200).body("state", equalTo("OPEN"))
                .body("receivedOn", equalTo("2026-04-01"));
        String otherTranche = "/api/programmes/" + programme + "/tranches/" + tranche + "/return-orders";
        meti().body(Map.of("repaidOn", TODAY.toString())).post(otherTranche + "/{o}/settle", order).then().statusCode(404);
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2026, 4, 1), TODAY) + 1;
        meti().body(Map.of("repaidOn", TODAY.toString())).post(orders + "/{o}/settle", order).then().statusCode(200)
                .body("interestDays", equalTo((int) days)).body("interest", equalTo((int) (1_095 * days)))
                .body("lateDays", equalTo(0)).body("lateInterest", equalTo(0))
                .body("totalDue", equalTo((int) (3_650_000 + 1_095 * days)));
    }

    @Test
    void aDisbursementIsNotRecordedAheadOfItsPaymentNorBeforeItsYear() {
        String paid = planned(programme, noetra, 2026, 1_000L);
        approve(programme, paid).then().statusCode(200);
        act(nedo(), programme, paid, "disburse", Map.of("disbursedOn", TODAY.plusDays(1).toString())).then()
                .statusCode(400).body("errors[0].field", equalTo("disbursedOn"));
        act(nedo(), programme, paid, "disburse", Map.of("disbursedOn", "2026-03-31")).then()
                .statusCode(400).body("errors[0].field", equalTo("disbursedOn"))
                .body("errors[0].reason", containsString("before FY2026 began on 2026-04-01"));
    }

    /** 23:30 UTC on 30 June is 08:30 on 1 July in Japan: an instant is not a calendar day, and is refused. */
    @ParameterizedTest(name = "deadline \"{0}\" is refused")
    @ValueSource(strings = {"2028-06-30T23:30:00Z", " 2028-06-30", "2028-06-30 ", "2028-6-30", "2028-02-30", "20280630"})
    void aDeadlineIsACalendarDayAndNothingElse(String deadline) {
        propose(meti(), Map.of("action", "ORDER_RETURN", "returnAmount", 1_000, "returnDeadline", deadline,
                "reason", "x")).then().statusCode(400).body("errors[0].field", equalTo("returnDeadline"))
                .body("errors[0].reason", containsString("calendar date YYYY-MM-DD"));
    }
}
