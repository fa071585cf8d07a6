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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Result-linked tranches on the real broker and database: milestone-service's milestone event lets a
 * portal name the milestone; its finalized review fixes what the tranche earned, the rest rolls over
 * to the goal's next checkpoint; an amendment recomputes without paying twice; bad terms are refused
 * with nothing changed; and approvals racing a share table and an amendment keep every invariant.
 */
@QuarkusTest
class ResultLinkedMoneyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaCompanion kafka;
    private String programme;
    private String consortium;
    private final String goal = UUID.randomUUID().toString();
    private final String params = UUID.randomUUID().toString();

    /**
     * A programme FY2025–FY2027, so that today (FY2026 since April) its FY2026 tranches, paid by the
     * FY2025 milestone PARAMS, can be disbursed.
     */
    @BeforeEach
    void programmeWithAMilestoneFundingKnows() {
        kafka = new KafkaCompanion(bootstrap);
        programme = admin().body(Map.of("name", "Result-linked " + UUID.randomUUID(), "ceiling", 1_000_000_000_000L,
                "firstFiscalYear", 2025, "lastFiscalYear", 2027, "commissioningMinistry", "METI",
                "executingAgency", "NEDO")).post("/api/programmes").then().statusCode(201).extract().path("id");
        for (int fy = 2025; fy <= 2027; fy++) {
            envelope(programme, fy, 100_000_000_000L);
        }
        consortium = consortium(programme);
        publish(kafka, MILESTONES, milestoneDefined(programme, params, 2025, "PARAMS", goal));
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    private Response planResultLinked(long allocation, String milestoneId, String rule, Integer rollOverUntil) {
        Map<String, Object> link = new HashMap<>(Map.of("milestoneId", milestoneId, "rule", rule));
        link.put("rollOverUntil", rollOverUntil);
        return nedo().header("Idempotency-Key", key()).body(Map.of("fiscalYear", 2026, "recipientId", consortium,
                "amount", allocation, "description", "paid by results", "resultLink", link))
                .post("/api/programmes/{p}/tranches", programme);
    }

    /**
     * Plans once the milestone event has arrived (the copy lags the broker by moments): until then a
     * roll-over past the last year is refused for the unknown milestone, after it for the year.
     */
    private String plannedResultLinked(long allocation, String rule, Integer rollOverUntil) {
        await().atMost(Duration.ofSeconds(30)).until(() -> planResultLinked(1, params, rule, 2028).then().extract()
                .path("errors[0].field").equals("resultLink.rollOverUntil"));
        return planResultLinked(allocation, params, rule, rollOverUntil).then().statusCode(201).extract().path("id");
    }

    private JsonPath tranche(String id) {
        return admin().get("/api/programmes/{p}/tranches/{t}", programme, id).then().statusCode(200).extract().jsonPath();
    }

    private List<String> ledgerKinds() {
        return as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger?size=200", programme).then().extract()
                .jsonPath().getList("items.kind");
    }

    @Test
    void aReviewEarnsExactlyAndAnAmendmentRecomputesWithoutPayingTwice() {
        String t = plannedResultLinked(9_000_000_000L, "SCALABLE", 2027);
        assertThat(tranche(t).getBoolean("resultLink.awaitingResult")).isTrue();
        approve(programme, t).then().statusCode(409);

        // FY2025: 2/3 of ¥9,000,000,000 = ¥6,000,000,000 earned; ¥3,000,000,000 rolls over to the FY2026 checkpoint
        publish(kafka, REVIEWS, review(programme, 2025, 1, "PARAMS", goal, "2/3"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !tranche(t).getBoolean("resultLink.awaitingResult"));
        JsonPath earned = tranche(t);
        assertThat(earned.getLong("amount")).isEqualTo(6_000_000_000L);
        assertThat(earned.getLong("resultLink.earned")).isEqualTo(6_000_000_000L);
        assertThat(earned.getLong("resultLink.rolledOver")).isEqualTo(3_000_000_000L);
        assertThat(earned.getString("resultLink.achievement")).isEqualTo("2/3");
        JsonPath rolled = admin().get("/api/programmes/{p}/tranches?fiscalYear=2027", programme).then().extract().jsonPath();
        assertThat(rolled.getList("items.amount", Long.class)).containsExactly(3_000_000_000L);
        assertThat(rolled.getString("items[0].resultLink.rolledOverFrom")).isEqualTo(earned.getString("resultLink.id"));
        approve(programme, t).then().statusCode(200); // no review gate of FY2026 was opened: its result gates it
        disburse(programme, t).then().statusCode(200);

        // revision 2: 1/3 → ¥3,000,000,000 earned; ¥6,000,000,000 was paid: ¥3,000,000,000 overpaid, and the
        // remainder rolled over becomes ¥6,000,000,000
        publish(kafka, REVIEWS, review(programme, 2025, 2, "PARAMS", goal, "1/3"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tranche(t).getLong("resultLink.overpaid") == 3_000_000_000L);
        assertThat(tranche(t).getLong("resultLink.earned")).isEqualTo(3_000_000_000L);
        assertThat(admin().get("/api/programmes/{p}/tranches?fiscalYear=2027", programme).then().extract().jsonPath()
                .getList("items.amount", Long.class)).containsExactly(6_000_000_000L);
        assertThat(ledgerKinds()).contains("TRANCHE_EARNED", "TRANCHE_ROLLED_OVER", "TRANCHE_OVERPAID");
        Map<String, Object> totals = programmeTotals(programme);
        assertThat(((Number) totals.get("disbursed")).longValue()).isEqualTo(6_000_000_000L); // paid once

        // the first revision again, late, changes nothing; a third revision with the second's result is
        // read after it (one partition per programme) and moves nothing either
        int entries = ledgerSize(programme);
        publish(kafka, REVIEWS, review(programme, 2025, 1, "PARAMS", goal, "1/1"));
        publish(kafka, REVIEWS, review(programme, 2025, 3, "PARAMS", goal, "1/3"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tranche(t).getInt("resultLink.assessedRevision") == 3);
        assertThat(ledgerSize(programme)).isEqualTo(entries);
        assertThat(tranche(t).getLong("resultLink.overpaid")).isEqualTo(3_000_000_000L);
        as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger/verification", programme).then()
                .body("intact", equalTo(true));
    }

    @Test
    void badTermsAreRefusedNamingTheFieldAndNothingChanges() {
        plannedResultLinked(1, "ALL_OR_NOTHING", null);
        String foreignProgramme = programme(1_000_000_000L);
        String foreign = UUID.randomUUID().toString();
        publish(kafka, MILESTONES, milestoneDefined(foreignProgramme, foreign, 2025, "PARAMS", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> planResultLinked(1, foreign, "SCALABLE", null).statusCode() == 400
                && planResultLinked(1, foreign, "SCALABLE", null).then().extract().asString().contains("of programme"));
        int entries = ledgerSize(programme);
        int tranches = admin().get("/api/programmes/{p}/tranches", programme).then().extract().path("totalItems");

        planResultLinked(1, foreign, "SCALABLE", null).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("resultLink.milestoneId"));
        planResultLinked(1, UUID.randomUUID().toString(), "SCALABLE", null).then().statusCode(400)
                .body("errors[0].field", equalTo("resultLink.milestoneId"));
        planResultLinked(1, params, "SCALABLE", 2028).then().statusCode(400)
                .body("errors[0].field", equalTo("resultLink.rollOverUntil"));
        planResultLinked(1, params, "HALF", null).then().statusCode(400);

        assertThat(ledgerSize(programme)).isEqualTo(entries);
        assertThat((Integer) admin().get("/api/programmes/{p}/tranches", programme).then().extract().path("totalItems"))
                .isEqualTo(tranches);
    }

    @Test
    void approvalsRacingAShareTableAndAnAmendmentKeepEveryInvariant() throws Exception {
        String softbank = member(programme, consortium, "SoftBank", 6000);
        String nec = member(programme, consortium, "NEC", 4000);
        List<String> tranches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tranches.add(plannedResultLinked(1_000_000_001L, "SCALABLE", null));
        }
        publish(kafka, REVIEWS, review(programme, 2025, 1, "PARAMS", goal, "1/1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tranches.stream()
                .noneMatch(t -> tranche(t).getBoolean("resultLink.awaitingResult")));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String t : tranches) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return approve(programme, t).statusCode();
                }));
            }
            answers.add(pool.submit(() -> {
                start.await();
                shareTable(programme, "2026-04-01", Map.of(softbank, 5000, nec, 5000));
                return 200;
            }));
            start.countDown();
            // ⌊1,000,000,001 × 3/7⌋ = ⌊428,571,429⌋ = 428,571,429 each: what every tranche may pay after the amendment
            publish(kafka, REVIEWS, review(programme, 2025, 2, "PARAMS", goal, "3/7"));
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200); // before the amendment or after it, at what is earned then
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> tranches.stream()
                .allMatch(t -> tranche(t).getInt("resultLink.assessedRevision") == 2));
        long committed = 0;
        for (String t : tranches) {
            JsonPath j = tranche(t);
            assertThat(j.getLong("amount")).isEqualTo(428_571_429L);
            assertThat(j.getLong("resultLink.lapsed")).isEqualTo(1_000_000_001L - 428_571_429L);
            committed += "APPROVED".equals(j.getString("state")) ? j.getLong("amount") : 0;
        }
        assertThat(((Number) programmeTotals(programme).get("committed")).longValue()).isEqualTo(committed);
        as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger/verification", programme).then()
                .body("intact", equalTo(true));
    }
}
