package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import jp.go.meti.aifund.platform.rest.Problem;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Sixty approvals race for an envelope that holds thirty-seven of them: exactly thirty-seven
 * succeed, the others get 409 problem documents, and the totals and the ledger add up.
 */
@QuarkusTest
class CeilingConcurrencyTest {

    private static final int CLIENTS = 60;
    private static final int FIT = 37;
    private static final long TRANCHE = 10_000_000_000L;
    private static final long CEILING = 1_000_000_000_000L;

    @Test
    void parallelApprovalsNeverExceedTheEnvelopeAndExactlyTheOnesThatFitSucceed() throws Exception {
        String programme = programme(CEILING);
        envelope(programme, 2026, FIT * TRANCHE);
        String noetra = consortium(programme);
        List<String> tranches = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            tranches.add(planned(programme, noetra, 2026, TRANCHE));
        }

        List<Response> answers = raceApprovals(programme, tranches);

        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        System.out.printf("ceiling race: %d clients, %d approved, %d refused%n", CLIENTS,
                statuses.stream().filter(s -> s == 200).count(), statuses.stream().filter(s -> s == 409).count());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(FIT);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(CLIENTS - FIT);
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
            assertThat(r.jsonPath().getString("type")).isEqualTo(Problem.TYPE_BASE + "limit-exceeded");
        });

        Map<String, Object> totals = programmeTotals(programme);
        assertThat(((Number) totals.get("committed")).longValue()).isEqualTo(FIT * TRANCHE);
        assertThat(((Number) totals.get("headroom")).longValue()).isEqualTo(CEILING - FIT * TRANCHE);
        nedo().get("/api/programmes/{p}/envelopes", programme).then().statusCode(200)
                .body("items[0].committed", org.hamcrest.Matchers.equalTo(FIT * TRANCHE))
                .body("items[0].headroom", org.hamcrest.Matchers.equalTo(0));
        nedo().get("/api/programmes/{p}/tranches?state=APPROVED&size=1", programme).then()
                .body("totalItems", org.hamcrest.Matchers.equalTo(FIT));

        List<Map<String, Object>> ledger = as(AUDITOR, Roles.AUDITOR)
                .get("/api/programmes/{p}/ledger?size=200", programme).then().statusCode(200)
                .extract().jsonPath().getList("items");
        List<Map<String, Object>> approvals = ledger.stream().filter(e -> "TRANCHE_APPROVED".equals(e.get("kind"))).toList();
        assertThat(approvals).hasSize(FIT);
        long ledgerCommitted = approvals.stream().mapToLong(e -> ((Number) e.get("amount")).longValue()).sum();
        assertThat(ledgerCommitted).isEqualTo(FIT * TRANCHE);
        for (int i = 1; i < approvals.size(); i++) {
            // serialized by the programme lock: each entry starts where the previous one ended
            Map<?, ?> before = (Map<?, ?>) approvals.get(i).get("before");
            Map<?, ?> previousAfter = (Map<?, ?>) approvals.get(i - 1).get("after");
            assertThat(before.get("committed")).isEqualTo(previousAfter.get("committed"));
        }
    }

    private static List<Response> raceApprovals(String programme, List<String> tranches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (String tranche : tranches) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return approve(programme, tranche);
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
