package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.go.meti.aifund.platform.rest.Problem;

/**
 * Optimistic concurrency as a browser portal uses it: each resource answers with an ETag, and a
 * decision or PUT sent with If-Match acts only on the version the official saw; a stale one is a
 * 412 problem document and changes nothing.
 */
@QuarkusTest
class ConditionalRequestTest {

    @Test
    void aDecisionOnAStaleVersionIsRefusedAndOneOnTheCurrentVersionActs() {
        String programme = programme(1_000_000_000L);
        envelope(programme, 2026, 100_000_000L);
        String tranche = planned(programme, consortium(programme), 2026, 1_000_000L);
        String read = nedo().get("/api/programmes/{p}/tranches/{t}", programme, tranche).then().statusCode(200)
                .extract().header("ETag");
        assertThat(read).matches("\"[A-Za-z0-9_-]{22}\"");

        // another official changes the tranche in the meantime
        String afterReduce = act(meti(), programme, tranche, "reduce", Map.of("newAmount", 900_000, "reason", "scope"))
                .then().statusCode(200).extract().header("ETag");
        assertThat(afterReduce).isNotEqualTo(read);
        int ledger = ledgerSize(programme);

        meti().header("Idempotency-Key", key()).header("If-Match", read).body(Map.of())
                .post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche).then().statusCode(412)
                .contentType(Problem.MEDIA_TYPE).header("ETag", afterReduce)
                .body("type", equalTo(Problem.TYPE_BASE + "stale-version")).body("errors[0].field", equalTo("If-Match"));
        assertThat(ledgerSize(programme)).isEqualTo(ledger);
        nedo().get("/api/programmes/{p}/tranches/{t}", programme, tranche).then().body("state", equalTo("REDUCED"))
                .header("ETag", afterReduce);

        meti().header("Idempotency-Key", key()).header("If-Match", afterReduce).body(Map.of())
                .post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche).then().statusCode(200)
                .body("state", equalTo("APPROVED"));
    }

    @Test
    void anEnvelopeIsSetOnlyOnTheVersionRead() {
        String programme = programme(1_000_000_000L);
        envelope(programme, 2026, 100_000_000L);
        String read = admin().get("/api/programmes/{p}/envelopes/2026", programme).then().statusCode(200)
                .body("amount", equalTo(100_000_000)).extract().header("ETag");
        String changed = admin().header("If-Match", read).body(Map.of("amount", 200_000_000))
                .put("/api/programmes/{p}/envelopes/2026", programme).then().statusCode(200).extract().header("ETag");
        admin().header("If-Match", read).body(Map.of("amount", 300_000_000))
                .put("/api/programmes/{p}/envelopes/2026", programme).then().statusCode(412);
        admin().get("/api/programmes/{p}/envelopes/2026", programme).then().body("amount", equalTo(200_000_000))
                .header("ETag", changed);
        admin().header("If-Match", "*").body(Map.of("amount", 1_000)).put("/api/programmes/{p}/envelopes/2027", programme)
                .then().statusCode(412);
    }
}
