package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Clawback by return order: the amount returns to the headroom, the statutory interest is on record. */
@QuarkusTest
class ReturnOrderTest {

    private static final long PAID = 10_000_000L;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private String programme;
    private String tranche;

    @BeforeEach
    void disbursedTranche() {
        programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 100_000_000_000L);
        tranche = planned(programme, consortium(programme), 2026, PAID);
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
        assertThat(((Number) programmeTotals(programme).get("headroom")).longValue()).isEqualTo(headroom + 3_650_000);
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
}
