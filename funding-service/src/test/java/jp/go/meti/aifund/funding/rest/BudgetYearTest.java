package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.funding.service.YearEndSchedule;
import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Budget years through the API, on the real database and broker: a year closed twice lapses once and
 * its money no longer moves; an approved unpaid tranche stops the close until a carry-over decision
 * (four eyes) moves it; carry-overs racing approvals never exceed the envelope; a ceiling below the
 * outstanding money is refused with nothing changed; the daily schedule closes what has ended.
 */
@QuarkusTest
class BudgetYearTest {

    private static final long BILLION = 1_000_000_000L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    YearEndSchedule schedule;

    private String programme;
    private String consortium;

    /** FY2025–FY2027: FY2025 ended on 31 March 2026, before today. */
    @BeforeEach
    void programmeWhoseFirstYearHasEnded() {
        programme = admin().body(Map.of("name", "Budget years " + UUID.randomUUID(), "ceiling", 100 * BILLION,
                "firstFiscalYear", 2025, "lastFiscalYear", 2027, "commissioningMinistry", "METI",
                "executingAgency", "NEDO")).post("/api/programmes").then().statusCode(201).extract().path("id");
        envelope(programme, 2025, 10 * BILLION);
        envelope(programme, 2026, 20 * BILLION);
        consortium = consortium(programme);
    }

    private String paid(int fiscalYear, long amount, String paidOn) {
        String t = planned(programme, consortium, fiscalYear, amount);
        approve(programme, t).then().statusCode(200);
        act(nedo(), programme, t, "disburse", Map.of("disbursedOn", paidOn)).then().statusCode(200);
        return t;
    }

    private Response close(int fiscalYear) {
        return meti().post("/api/programmes/{p}/envelopes/{fy}/close", programme, fiscalYear);
    }

    private Response propose(Map<String, ?> body) {
        return meti().header("Idempotency-Key", key()).body(body).post("/api/programmes/{p}/budget-decisions", programme);
    }

    private Response confirm(String decision) {
        return as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .post("/api/programmes/{p}/budget-decisions/{d}/confirm", programme, decision);
    }

    private JsonPath year(int fiscalYear) {
        return admin().get("/api/programmes/{p}/envelopes/{fy}", programme, fiscalYear).then().statusCode(200)
                .extract().jsonPath();
    }

    private List<String> ledgerKinds() {
        return as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger?size=200", programme).then().extract()
                .jsonPath().getList("items.kind");
    }

    @Test
    void aYearClosedTwiceLapsesOnceAndItsMoneyNoLongerMoves() throws Exception {
        paid(2025, 4 * BILLION, "2026-03-01");
        String late = planned(programme, consortium, 2025, BILLION);
        // ¥10,000,000,000 planned, ¥4,000,000,000 paid: the planned ¥1,000,000,000 is cancelled, ¥6,000,000,000 lapses
        close(2025).then().statusCode(200).body("closed", equalTo(true)).body("lapse", equalTo(6_000_000_000L));
        int entries = ledgerSize(programme);
        close(2025).then().statusCode(200).body("closed", equalTo(true)).body("lapse", equalTo(6_000_000_000L));
        assertThat(ledgerSize(programme)).isEqualTo(entries);
        assertThat(ledgerKinds().stream().filter("YEAR_CLOSED"::equals)).hasSize(1);
        assertThat(admin().get("/api/programmes/{p}/tranches/{t}", programme, late).then().extract().<String>path("state"))
                .isEqualTo("CANCELLED");
        plan(programme, consortium, 2025, 1).then().statusCode(409).body("detail", containsString("FY2025 was closed"));

        JsonPath report = admin().get("/api/programmes/{p}/year-end-report", programme).then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getLong("[0].planned")).isEqualTo(10 * BILLION);
        assertThat(report.getLong("[0].lapsed")).isEqualTo(6 * BILLION);
        assertThat(report.getLong("[0].disbursed")).isEqualTo(4 * BILLION);
        assertThat(report.getLong("[0].unspent")).isZero();
        assertThat(((Number) programmeTotals(programme).get("planned")).longValue()).isEqualTo(24 * BILLION);

        // the close is published with the programme's state after it, valid against its schema
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ObjectMapper json = new ObjectMapper();
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("aifund.programme-events.v1");
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> events.getRecords().stream()
                        .filter(r -> programme.equals(r.key())).map(r -> read(json, r.value()))
                        .anyMatch(e -> e.path("type").asText().endsWith("year-closed.v1")
                                && Contracts.violations(e).isEmpty()
                                && e.at("/data/envelopes/0/lapsed").asLong() == 6 * BILLION));
            } finally {
                events.stop();
            }
        }
    }

    private static JsonNode read(ObjectMapper json, String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anApprovedUnpaidTrancheStopsTheCloseUntilACarryOverDecisionMovesIt() {
        String unpaid = planned(programme, consortium, 2025, 3 * BILLION);
        approve(programme, unpaid).then().statusCode(200);
        close(2025).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(unpaid));
        meti().get("/api/programmes/{p}/envelopes/{fy}/close", programme, 2025).then().statusCode(200)
                .body("needingCarryOver[0]", equalTo(unpaid)).body("refusal", containsString("carry-over decision"));

        String decision = propose(Map.of("kind", "CARRY_OVER", "fiscalYear", 2025, "amount", BILLION,
                "trancheIds", List.of(unpaid), "reason", "GPU delivery slipped past 31 March"))
                .then().statusCode(201).body("state", equalTo("PROPOSED")).extract().path("id");
        close(2025).then().statusCode(409).body("detail", containsString("awaits its decision"));
        meti().header("Idempotency-Key", key())
                .post("/api/programmes/{p}/budget-decisions/{d}/confirm", programme, decision).then().statusCode(403);
        confirm(decision).then().statusCode(200).body("state", equalTo("CONFIRMED"));

        // ¥3,000,000,000 committed and ¥1,000,000,000 uncommitted moved to FY2026
        assertThat(year(2025).getLong("carriedOut")).isEqualTo(4 * BILLION);
        assertThat(year(2026).getLong("carriedIn")).isEqualTo(4 * BILLION);
        assertThat(year(2026).getLong("amount")).isEqualTo(24 * BILLION);
        assertThat(year(2026).getLong("committed")).isEqualTo(3 * BILLION);
        assertThat(admin().get("/api/programmes/{p}/tranches/{t}", programme, unpaid).then().extract().jsonPath()
                .getInt("carriedOverFrom")).isEqualTo(2025);
        close(2025).then().statusCode(200).body("lapse", equalTo(6_000_000_000L));
        disburse(programme, unpaid).then().statusCode(200); // paid from FY2026 now
        assertThat(ledgerKinds()).contains("CARRIED_OVER", "TRANCHE_CARRIED_OVER", "YEAR_CLOSED");
    }

    @Test
    void carryOversRacingApprovalsNeverExceedTheEnvelope() throws Exception {
        List<String> tranches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tranches.add(planned(programme, consortium, 2025, 2 * BILLION));
        }
        String decision = propose(Map.of("kind", "CARRY_OVER", "fiscalYear", 2025, "amount", 4 * BILLION,
                "reason", "research contracts signed late")).then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> approvals = new ArrayList<>();
        int carried;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String t : tranches) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return approve(programme, t).statusCode();
                }));
            }
            Future<Integer> confirmed = pool.submit(() -> {
                start.await();
                return confirm(decision).statusCode();
            });
            start.countDown();
            for (Future<Integer> a : answers) {
                approvals.add(a.get());
            }
            carried = confirmed.get();
        } finally {
            pool.shutdownNow();
        }
        long approved = approvals.stream().filter(s -> s == 200).count();
        assertThat(approvals).allMatch(s -> s == 200 || s == 409);
        assertThat(carried).isIn(200, 409);
        JsonPath fy25 = year(2025);
        long carriedOut = fy25.getLong("carriedOut");
        assertThat(carriedOut).isEqualTo(carried == 200 ? 4 * BILLION : 0);
        assertThat(fy25.getLong("committed")).isEqualTo(approved * 2 * BILLION);
        assertThat(fy25.getLong("committed") + carriedOut).isLessThanOrEqualTo(10 * BILLION);
        assertThat(approved).isEqualTo(carried == 200 ? 3 : 5);
        assertThat(fy25.getLong("headroom")).isEqualTo(10 * BILLION - carriedOut - approved * 2 * BILLION);
    }

    @Test
    void aCeilingBelowTheOutstandingMoneyIsRefusedAndNothingChanges() {
        paid(2025, 5 * BILLION, "2025-10-01");
        int entries = ledgerSize(programme);
        propose(Map.of("kind", "CEILING_AMENDMENT", "newCeiling", 4 * BILLION, "reason", "cut"))
                .then().statusCode(409).contentType("application/problem+json");
        propose(Map.of("kind", "CEILING_AMENDMENT", "newCeiling", 29 * BILLION, "reason", "cut"))
                .then().statusCode(409).body("detail", containsString("envelopes plan together"));
        propose(Map.of("kind", "CEILING_AMENDMENT", "fiscalYear", 2025, "newCeiling", 200 * BILLION, "reason", "x"))
                .then().statusCode(400).body("errors[0].field", equalTo("fiscalYear"));
        assertThat(ledgerSize(programme)).isEqualTo(entries);
        assertThat(meti().get("/api/programmes/{p}/budget-decisions", programme).then().extract()
                .<Integer>path("totalItems")).isZero();

        String raise = propose(Map.of("kind", "CEILING_AMENDMENT", "newCeiling", 120 * BILLION,
                "reason", "supplementary budget")).then().statusCode(201).extract().path("id");
        confirm(raise).then().statusCode(200);
        Map<String, Object> totals = programmeTotals(programme);
        assertThat(((Number) totals.get("ceiling")).longValue()).isEqualTo(120 * BILLION);
        assertThat(((Number) totals.get("headroom")).longValue()).isEqualTo(115 * BILLION);
        assertThat(ledgerKinds()).contains("CEILING_AMENDED");
    }

    @Test
    void theDailyScheduleClosesTheYearsThatEndedAndLeavesTheCurrentOneOpen() {
        paid(2025, 10 * BILLION, "2026-03-31");
        schedule.closeEndedYears();
        assertThat(year(2025).getString("closedAt")).isNotNull();
        assertThat(year(2025).getString("closedBy")).contains("scheduled");
        assertThat(year(2026).getString("closedAt")).isNull();
    }
}
