package jp.go.meti.aifund.funding.inbound;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static jp.go.meti.aifund.funding.support.ResultEvents.MILESTONES;
import static jp.go.meti.aifund.funding.support.ResultEvents.REVIEWS;
import static jp.go.meti.aifund.funding.support.ResultEvents.milestoneDefined;
import static jp.go.meti.aifund.funding.support.ResultEvents.publish;
import static jp.go.meti.aifund.funding.support.ResultEvents.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * The final settlement (額の確定) on the real broker and database: a programme FY2025–FY2026 paid a
 * result-linked FY2026 tranche on its FY2025 result; an amended result earned less than was paid;
 * the finalized review of FY2026, its last year, then orders the excess back with the statutory
 * interest from the day it was paid, cancels what is still open, closes both years and the
 * programme, and a later amendment moves no money. And a programme run through five fiscal years
 * and closed, every yen in each year's report.
 */
@QuarkusTest
class FinalSettlementTest {

    private static final LocalDate PAID_ON = LocalDate.parse("2025-06-01");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theLastYearsReviewOrdersBackWhatResultsDidNotEarnWithInterestAndClosesTheProgramme() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            String programme = programme("Final settlement", 100_000_000_000L, 2024, 2025);
            envelope(programme, 2024, 10_000_000_000L);
            envelope(programme, 2025, 20_000_000_000L);
            String consortium = consortium(programme);
            String milestone = UUID.randomUUID().toString();
            publish(kafka, MILESTONES, milestoneDefined(programme, milestone, 2024, "PARAMS", null));

            Map<String, Object> link = new HashMap<>(Map.of("milestoneId", milestone, "rule", "SCALABLE"));
            String t = await().atMost(Duration.ofSeconds(30)).until(() -> nedo().header("Idempotency-Key", key())
                    .body(Map.of("fiscalYear", 2025, "recipientId", consortium, "amount", 9_000_000_000L,
                            "description", "paid by results", "resultLink", link))
                    .post("/api/programmes/{p}/tranches", programme).then().extract().path("id"), id -> id != null);
            String open = planned(programme, consortium, 2025, 1_000_000_000L);

            // FY2024: 2/3 earned, ¥6,000,000,000 paid on 1 June 2025; amended to 1/3: ¥3,000,000,000 overpaid
            publish(kafka, REVIEWS, review(programme, 2024, 1, "PARAMS", null, "2/3"));
            await().atMost(Duration.ofSeconds(30)).until(() -> tranche(programme, t).getLong("amount") == 6_000_000_000L);
            approve(programme, t).then().statusCode(200);
            act(nedo(), programme, t, "disburse", Map.of("disbursedOn", PAID_ON.toString())).then().statusCode(200);
            publish(kafka, REVIEWS, review(programme, 2024, 2, "PARAMS", null, "1/3"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> tranche(programme, t).getLong("resultLink.overpaid") == 3_000_000_000L);
            assertThat(orders(programme, t).getList("items")).isEmpty(); // the programme runs: METI decides

            publish(kafka, REVIEWS, review(programme, 2025, 1, "FINAL", null, "1/1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(programmeTotals(programme).get("state")));

            JsonPath orders = orders(programme, t);
            assertThat(orders.getList("items")).hasSize(1);
            assertThat(orders.getLong("items[0].amount")).isEqualTo(3_000_000_000L);
            assertThat(orders.getString("items[0].receivedOn")).isEqualTo(PAID_ON.toString());
            assertThat(orders.getString("items[0].deadline"))
                    .isEqualTo(LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(30).toString());
            // an excess returned after the final amount is fixed (art. 18(2)) owes no interest from receipt, only
            // late interest after its deadline: ¥3,000,000,000 × 10.95 % / 365 = ¥900,000 a day late
            assertThat(orders.getBoolean("items[0].interestFromReceipt")).isFalse();
            assertThat(orders.getLong("items[0].interest")).isZero();
            assertThat(orders.getLong("items[0].lateInterest")).isZero(); // not yet due

            assertThat(tranche(programme, open).getString("state")).isEqualTo("CANCELLED");
            Map<String, Object> totals = programmeTotals(programme);
            assertThat(((Number) totals.get("committed")).longValue()).isZero();
            assertThat(((Number) totals.get("disbursed")).longValue()).isEqualTo(6_000_000_000L);
            assertThat(admin().get("/api/programmes/{p}/year-end-report", programme).then().statusCode(200).extract()
                    .jsonPath().getList("closed", Boolean.class)).containsExactly(true, true);
            approve(programme, open).then().statusCode(409);

            // a late amendment of the last year, or of a paid year, moves no money any more
            int entries = ledgerSize(programme);
            publish(kafka, REVIEWS, review(programme, 2024, 3, "PARAMS", null, "0/1"));
            publish(kafka, REVIEWS, review(programme, 2025, 2, "FINAL", null, "1/2"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .until(() -> ledgerSize(programme) == entries);
            assertThat(as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger?size=200", programme).then().extract()
                    .jsonPath().getList("items.kind")).contains("PROGRAMME_CLOSED", "TRANCHE_CANCELLED", "YEAR_CLOSED");
            as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger/verification", programme).then()
                    .body("intact", equalTo(true));
        }
    }

    /**
     * Five fiscal years, FY2021–FY2025 (the last ended on 31 March 2026): each year's tranches planned, approved and
     * paid, a tranche carried over, money ordered back and re-appropriated, the first four years closed,
     * then the last year's finalized review closes the programme. Every year's report adds up, and the
     * years together are the programme's totals, to the yen.
     */
    @Test
    void aProgrammeRunsFiveYearsAndClosesWithEveryYenAccountedForInEachYearsReport() {
        long billion = 1_000_000_000L;
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            String programme = programme("Five years", 100 * billion, 2021, 2025);
            String consortium = consortium(programme);
            java.util.List<String> firstOfEachYear = new java.util.ArrayList<>();
            for (int fy = 2021; fy <= 2025; fy++) {
                envelope(programme, fy, 15 * billion);
                if (fy > 2021) { // a recorded ministry decision opens each later year's gate
                    meti().body(Map.of("reason", "FY" + (fy - 1) + " reviewed")).post(
                            "/api/programmes/{p}/envelopes/{fy}/gate-override", programme, fy).then().statusCode(200);
                }
                for (long amount : new long[] {8 * billion, 4 * billion}) {
                    String t = planned(programme, consortium, fy, amount);
                    approve(programme, t).then().statusCode(200);
                    if (fy != 2023 || amount == 8 * billion) { // FY2023's second tranche is unpaid at its year end
                        act(nedo(), programme, t, "disburse", Map.of("disbursedOn", fy + "-06-01")).then().statusCode(200);
                    }
                    if (amount == 8 * billion) {
                        firstOfEachYear.add(t);
                    }
                }
                planned(programme, consortium, fy, billion); // planned, never approved: each close cancels it
            }
            // FY2022's audit orders ¥2,000,000,000 back, repaid; the treasury's money is re-appropriated into FY2025
            // (ordered after the recipient was heard, so due in the future and repaid today)
            java.time.LocalDate today = jp.go.meti.aifund.kernel.FiscalYear.today(java.time.Clock.systemUTC());
            String order = (String) decided(programme, firstOfEachYear.get(1), Map.of("action", "ORDER_RETURN",
                    "returnAmount", 2 * billion, "returnDeadline", today.plusDays(30).toString(), "reason", "audit"))
                    .get("returnOrderId");
            meti().body(Map.of("repaidOn", today.toString())).post("/api/programmes/{p}/tranches/{t}/return-orders/{o}/settle",
                    programme, firstOfEachYear.get(1), order).then().statusCode(200);
            confirmed(programme, Map.of("kind", "REAPPROPRIATION", "fiscalYear", 2025, "amount", 2 * billion,
                    "reason", "returned FY2022 money re-appropriated"));
            // FY2023's unpaid tranche is carried over to FY2024 (繰越) and paid there
            String unpaid = admin().get("/api/programmes/{p}/envelopes/2023/close", programme).then().extract().jsonPath()
                    .getList("needingCarryOver", String.class).get(0);
            confirmed(programme, Map.of("kind", "CARRY_OVER", "fiscalYear", 2023, "amount", 0,
                    "trancheIds", java.util.List.of(unpaid), "reason", "construction delayed past 31 March 2024"));
            act(nedo(), programme, unpaid, "disburse", Map.of("disbursedOn", "2024-06-01")).then().statusCode(200);
            for (int fy = 2021; fy <= 2024; fy++) {
                meti().post("/api/programmes/{p}/envelopes/{fy}/close", programme, fy).then().statusCode(200)
                        .body("closed", equalTo(true));
            }
            publish(kafka, REVIEWS, review(programme, 2025, 1, "PARAMS", null, "1/1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(programmeTotals(programme).get("state")));

            java.util.List<Map<String, Object>> years = admin().get("/api/programmes/{p}/year-end-report", programme)
                    .then().statusCode(200).extract().jsonPath().getList("");
            assertThat(years).hasSize(5).allSatisfy(y -> {
                assertThat(y.get("closed")).isEqualTo(true);
                assertThat(yen(y, "planned") + yen(y, "carriedIn") + yen(y, "reappropriated")).as("FY%s", y.get("fiscalYear"))
                        .isEqualTo(yen(y, "carriedOut") + yen(y, "lapsed") + yen(y, "committed") + yen(y, "disbursed")
                                + yen(y, "unspent"));
                assertThat(yen(y, "unspent") + yen(y, "committed")).isZero();
            });
            // FY2021, FY2022, FY2025 paid ¥12,000,000,000 each; FY2023 ¥8,000,000,000; FY2024 ¥16,000,000,000 with
            // the carried-over tranche; each lapsed the rest of ¥15,000,000,000 (FY2025 with ¥2,000,000,000 more)
            assertThat(years.stream().map(y -> yen(y, "disbursed")).toList())
                    .containsExactly(12 * billion, 12 * billion, 8 * billion, 16 * billion, 12 * billion);
            assertThat(years.stream().map(y -> yen(y, "lapsed")).toList())
                    .containsExactly(3 * billion, 3 * billion, 3 * billion, 3 * billion, 5 * billion);
            assertThat(yen(years.get(1), "recovered")).isEqualTo(2 * billion);
            Map<String, Object> totals = programmeTotals(programme);
            assertThat(yen(totals, "disbursed")).isEqualTo(years.stream().mapToLong(y -> yen(y, "disbursed")).sum());
            assertThat(yen(totals, "planned")).isEqualTo(years.stream().mapToLong(y -> yen(y, "budget")).sum())
                    .isEqualTo(60 * billion);
            assertThat(yen(totals, "recovered")).isEqualTo(2 * billion);
            assertThat(yen(totals, "returnedToTreasury")).isZero();
            assertThat(yen(totals, "committed")).isZero();
            as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger/verification", programme).then()
                    .body("intact", equalTo(true));
        }
    }

    /**
     * The last year's review finalized before that year ends settles nothing yet: the approved money of
     * the year may still be paid (the year's close settles the programme once it has ended).
     */
    @Test
    void aFinalReviewBeforeTheLastYearEndsWaitsAndTakesNothingApproved() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            String programme = programme("Early final review", 100_000_000_000L, 2025, 2026);
            envelope(programme, 2025, 10_000_000_000L);
            envelope(programme, 2026, 20_000_000_000L);
            String consortium = consortium(programme);
            String approved = planned(programme, consortium, 2025, 1_000_000_000L);
            approve(programme, approved).then().statusCode(200);
            String gated = planned(programme, consortium, 2026, 1_000_000_000L);

            // FY2026's review (the last year, still running), then FY2025's, which opens FY2026's gate: one
            // partition, so once the gate is open the first review has been applied
            publish(kafka, REVIEWS, review(programme, 2026, 1, "FINAL", null, "1/1"));
            publish(kafka, REVIEWS, review(programme, 2025, 1, "PARAMS", null, "1/1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "OPEN".equals(admin()
                    .get("/api/programmes/{p}/envelopes/2026", programme).then().extract().path("gate")));
            assertThat(programmeTotals(programme)).containsEntry("state", "ACTIVE");
            assertThat(tranche(programme, approved).getString("state")).isEqualTo("APPROVED");
            approve(programme, gated).then().statusCode(200); // money still moves
        }
    }

    /**
     * A final review that came while approved money was unpaid waits; the last year's close settles the
     * programme once the money is paid and the years are closed.
     */
    @Test
    void aWaitingFinalReviewSettlesAtTheLastYearsClose() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            String programme = programme("Waiting final review", 100_000_000_000L, 2024, 2025);
            envelope(programme, 2024, 10_000_000_000L);
            envelope(programme, 2025, 10_000_000_000L);
            String consortium = consortium(programme);
            String unpaid = planned(programme, consortium, 2024, 4_000_000_000L);
            approve(programme, unpaid).then().statusCode(200);

            // FY2025's review (the last year's), then FY2024's, which opens FY2025's gate: one partition, so
            // once the gate is open the final review has been applied, and it waits for the unpaid tranche
            publish(kafka, REVIEWS, review(programme, 2025, 1, "FINAL", null, "1/1"));
            publish(kafka, REVIEWS, review(programme, 2024, 1, "PARAMS", null, "1/1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "OPEN".equals(admin()
                    .get("/api/programmes/{p}/envelopes/2025", programme).then().extract().path("gate")));
            assertThat(programmeTotals(programme)).containsEntry("state", "ACTIVE");

            // paid on 20 March 2025, recorded now; the closes lapse the rest, the last one settles the programme
            act(nedo(), programme, unpaid, "disburse", Map.of("disbursedOn", "2025-03-20")).then().statusCode(200);
            meti().post("/api/programmes/{p}/envelopes/2024/close", programme).then().statusCode(200);
            assertThat(programmeTotals(programme)).containsEntry("state", "ACTIVE");
            meti().post("/api/programmes/{p}/envelopes/2025/close", programme).then().statusCode(200);
            assertThat(programmeTotals(programme)).containsEntry("state", "CLOSED");
            assertThat(tranche(programme, unpaid).getString("state")).isEqualTo("DISBURSED");
            assertThat(as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger?size=200", programme).then().extract()
                    .jsonPath().getList("items.kind", String.class)).endsWith("YEAR_CLOSED", "PROGRAMME_CLOSED");
        }
    }

    /** Proposed by one METI official, confirmed by another. */
    private static void confirmed(String programme, Map<String, ?> decision) {
        String id = meti().header("Idempotency-Key", key()).body(decision)
                .post("/api/programmes/{p}/budget-decisions", programme).then().statusCode(201).extract().path("id");
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .post("/api/programmes/{p}/budget-decisions/{d}/confirm", programme, id).then().statusCode(200);
    }

    private static long yen(Map<String, Object> map, String field) {
        return ((Number) map.get(field)).longValue();
    }

    private static JsonPath tranche(String programme, String id) {
        return admin().get("/api/programmes/{p}/tranches/{t}", programme, id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath orders(String programme, String tranche) {
        return admin().get("/api/programmes/{p}/tranches/{t}/return-orders", programme, tranche).then().statusCode(200)
                .extract().jsonPath();
    }
}
