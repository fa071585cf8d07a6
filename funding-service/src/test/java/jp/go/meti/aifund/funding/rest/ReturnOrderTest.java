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

    @Test
    void settlingAnOrderRecoversTheMoneyAndFixesTheInterestToTheDay() {
        long headroom = ((Number) programmeTotals(programme).get("headroom")).longValue();
        String order = meti().body(Map.of("amount", 3_650_000, "deadline", TODAY.plusDays(30).toString(),
                "reason", "unused funds")).post(orders()).then().statusCode(201)
                .body("receivedOn", equalTo(TODAY.toString())).body("state", equalTo("OPEN"))
                .body("interestDays", equalTo(1)).body("interest", equalTo(1_095)) // 3,650,000 × 10.95 % / 365
                .extract().path("id");

        meti().body(Map.of("repaidOn", TODAY.toString())).post(orders() + "/{o}/settle", order).then().statusCode(200)
                .body("state", equalTo("SETTLED")).body("interest", equalTo(1_095)).body("lateInterest", equalTo(0))
                .body("totalDue", equalTo(3_651_095));
        assertThat(programmeTotals(programme)).containsEntry("headroom", headroom)
                .containsEntry("returnedToTreasury", 3_650_000);
        meti().body(Map.of("repaidOn", TODAY.toString())).post(orders() + "/{o}/settle", order).then().statusCode(409);
    }

    @Test
    void anOrderCannotExceedWhatWasPaidNorBeDueBeforeItWasReceived() {
        meti().body(Map.of("amount", PAID + 1, "deadline", TODAY.plusDays(30).toString(), "reason", "x"))
                .post(orders()).then().statusCode(400).body("errors[0].field", equalTo("amount"));
        meti().body(Map.of("amount", PAID, "deadline", TODAY.minusDays(1).toString(), "reason", "x"))
                .post(orders()).then().statusCode(400).body("errors[0].field", equalTo("deadline"));
        meti().body(Map.of("amount", PAID, "deadline", TODAY.toString(), "reason", "x")).post(orders())
                .then().statusCode(201);
        meti().body(Map.of("amount", 1, "deadline", TODAY.toString(), "reason", "x")).post(orders())
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("already ordered back"));
        nedo().body(Map.of("amount", 1, "deadline", TODAY.toString(), "reason", "x")).post(orders()).then().statusCode(403);
    }

    /**
     * Paid on 1 April 2026 (recorded with its value date), ordered back by 30 June, repaid on 30
     * September: ¥3,650,000 × 10.95 % / 365 = ¥1,095 a day; interest for 183 days (1 April to
     * 30 September, both counted: 30 + 31 + 30 + 31 + 31 + 30) = ¥200,385; late interest for the 92
     * days after the deadline (31 + 31 + 30) = ¥100,740.
     */
    @Test
    void interestCountsEveryDayFromPaymentAndLateInterestEveryDayPastTheDeadline() {
        String paid = planned(programme, noetra, 2026, 3_650_000L);
        approve(programme, paid).then().statusCode(200);
        act(nedo(), programme, paid, "disburse", Map.of("disbursedOn", "2026-04-01")).then().statusCode(200)
                .body("disbursedOn", equalTo("2026-04-01"));
        String orders = "/api/programmes/" + programme + "/tranches/" + paid + "/return-orders";
        String order = meti().body(Map.of("amount", 3_650_000, "deadline", "2026-06-30", "reason", "unused funds"))
                .post(orders).then().statusCode(201).body("receivedOn", equalTo("2026-04-01")).extract().path("id");

        nedo().get(orders + "/{o}", order).then().statusCode(200).body("state", equalTo("OPEN")); // Location readable
        String otherTranche = "/api/programmes/" + programme + "/tranches/" + tranche + "/return-orders";
        meti().body(Map.of("repaidOn", "2026-09-30")).post(otherTranche + "/{o}/settle", order).then().statusCode(404);
        meti().body(Map.of("repaidOn", "2026-09-30")).post(orders + "/{o}/settle", order).then().statusCode(200)
                .body("interestDays", equalTo(183)).body("interest", equalTo(200_385))
                .body("lateDays", equalTo(92)).body("lateInterest", equalTo(100_740))
                .body("totalDue", equalTo(3_650_000 + 200_385 + 100_740));
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
        meti().body(Map.of("amount", 1_000, "deadline", deadline, "reason", "x")).post(orders()).then()
                .statusCode(400).body("errors[0].field", equalTo("deadline"))
                .body("errors[0].reason", containsString("calendar date YYYY-MM-DD"));
    }
}
