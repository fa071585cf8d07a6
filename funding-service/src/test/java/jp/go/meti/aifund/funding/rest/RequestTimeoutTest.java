package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A request never waits for a lock longer than the configured timeout (5 s): it fails whole with a
 * retryable 503 problem document, and the retry with the same key acts once the lock is free.
 */
@QuarkusTest
class RequestTimeoutTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aRequestStuckBehindALockFailsCleanlyAndItsRetryActsOnce() throws Exception {
        String programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 100_000_000_000L);
        String tranche = planned(programme, consortium(programme), 2026, 5_000_000_000L);
        int ledgerBefore = ledgerSize(programme);
        String key = key();

        Response stuck;
        long waited;
        try (Connection blocker = db.getConnection()) {
            blocker.setAutoCommit(false);
            try (var lock = blocker.prepareStatement("SELECT id FROM programme WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(programme));
                lock.executeQuery().close();
            }
            long started = System.nanoTime();
            stuck = meti().header("Idempotency-Key", key).body(Map.of())
                    .post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche);
            waited = (System.nanoTime() - started) / 1_000_000;
            blocker.rollback();
        }
        System.out.printf("request behind a held programme lock: %d after %d ms%n", stuck.statusCode(), waited);
        stuck.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2")
                .body("detail", containsString("nothing was changed"));
        assertThat(waited).isBetween(4_000L, 15_000L);
        assertThat(ledgerSize(programme)).isEqualTo(ledgerBefore);

        meti().header("Idempotency-Key", key).body(Map.of())
                .post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche)
                .then().statusCode(200).body("state", equalTo("APPROVED"));
        assertThat(ledgerSize(programme)).isEqualTo(ledgerBefore + 1);
    }
}
