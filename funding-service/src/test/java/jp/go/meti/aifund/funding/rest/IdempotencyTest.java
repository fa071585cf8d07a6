package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.go.meti.aifund.platform.rest.Problem;

@QuarkusTest
class IdempotencyTest {

    private static final long TRANCHE = 40_000_000_000L;
    private String programme;
    private String noetra;

    @BeforeEach
    void setUp() {
        programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 100_000_000_000L);
        noetra = consortium(programme);
    }

    @Test
    void theSameKeyTwiceMovesMoneyOnceAndReturnsTheFirstAnswer() {
        String tranche = planned(programme, noetra, 2026, TRANCHE);
        String key = key();
        int ledgerBefore = ledgerSize(programme);

        String first = meti().header("Idempotency-Key", key).body(Map.of("reason", "FY2026 first tranche"))
                .post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche)
                .then().statusCode(200).extract().asString();
        String retry = meti().header("Idempotency-Key", key).body(Map.of("reason", "FY2026 first tranche"))
                .post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche)
                .then().statusCode(200).extract().asString();

        assertThat(retry).isEqualTo(first);
        assertThat(ledgerSize(programme)).isEqualTo(ledgerBefore + 1);
        assertThat(programmeTotals(programme)).containsEntry("committed", TRANCHE);
    }

    @Test
    void concurrentRetriesOfOnePlanCreateOneTranche() throws Exception {
        String key = key();
        Map<String, Object> body = Map.of("fiscalYear", 2026, "recipientId", noetra, "amount", TRANCHE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> nedo().header("Idempotency-Key", key).body(body)
                        .post("/api/programmes/{p}/tranches", programme)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> f : futures) {
                Response r = f.get();
                assertThat(r.statusCode()).isEqualTo(201);
                ids.add(r.jsonPath().getString("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        nedo().get("/api/programmes/{p}/tranches", programme).then().body("totalItems", equalTo(1));
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefusedAndMovesNothing() {
        String key = key();
        nedo().header("Idempotency-Key", key).body(Map.of("fiscalYear", 2026, "recipientId", noetra, "amount", TRANCHE))
                .post("/api/programmes/{p}/tranches", programme).then().statusCode(201);
        int ledgerBefore = ledgerSize(programme);

        nedo().header("Idempotency-Key", key).body(Map.of("fiscalYear", 2026, "recipientId", noetra, "amount", TRANCHE + 1))
                .post("/api/programmes/{p}/tranches", programme)
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(ledgerSize(programme)).isEqualTo(ledgerBefore);
    }

    @Test
    void aMoneyMovingRequestWithoutAKeyIsRefused() {
        String tranche = planned(programme, noetra, 2026, TRANCHE);
        meti().body(Map.of()).post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(programmeTotals(programme)).containsEntry("committed", 0);
    }

    @Test
    void aRefusedRequestKeepsNoAnswerSoItsRetryIsJudgedAfresh() {
        String tranche = planned(programme, noetra, 2026, TRANCHE);
        String key = key();
        act(meti(), programme, tranche, "hold", Map.of("reason", "wait")).then().statusCode(200);
        meti().header("Idempotency-Key", key).body(Map.of())
                .post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche).then().statusCode(409);
        act(meti(), programme, tranche, "release", Map.of("reason", "go")).then().statusCode(200);
        meti().header("Idempotency-Key", key).body(Map.of())
                .post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche).then().statusCode(200)
                .body("state", equalTo("APPROVED"));
    }
}
