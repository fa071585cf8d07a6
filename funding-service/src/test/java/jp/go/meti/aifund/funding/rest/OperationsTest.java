package jp.go.meti.aifund.funding.rest;

import static io.restassured.RestAssured.given;
import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.go.meti.aifund.infra.testing.HealthProbes;
import jp.go.meti.aifund.platform.rest.Problem;

/** What an ops team and a portal developer rely on besides the API itself (and the probes, in {@link HealthProbes}). */
@QuarkusTest
class OperationsTest extends HealthProbes {

    @Test
    void theOpenApiDocumentDescribesTheTrancheApiAndItsBearerAuth() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/programmes", "/api/programmes/{programmeId}/tranches",
                        "/api/programmes/{programmeId}/tranches/{trancheId}/approve",
                        "/api/programmes/{programmeId}/ledger"))
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"));
    }

    @Test
    void prometheusSeesTheCeilingUtilizationOfEachProgramme() {
        String programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 100_000_000_000L);
        approve(programme, planned(programme, consortium(programme), 2026, 250_000_000_000L / 10)).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("aifund_ceiling_utilization{programme=\"" + programme + "\"} 0.025"))
                .body(containsString("aifund_outbox_pending"))
                .body(containsString("aifund_outbox_oldest_pending_seconds"));
    }

    /** A portal on a configured origin may call the API from the browser; a page of any other origin may not. */
    @Test
    void aConfiguredPortalOriginPassesThePreflightAndNoOtherDoes() {
        String portal = "https://portal.example.go.jp";
        given().header("Origin", portal).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/programmes/{p}/tranches", programme(1_000_000L)).then().statusCode(204)
                .header("Access-Control-Allow-Origin", portal)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        admin().header("Origin", portal).get("/api/programmes").then().statusCode(200)
                .header("Access-Control-Allow-Origin", portal)
                .header("Access-Control-Expose-Headers", containsString("ETag"));

        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/programmes").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        admin().header("Origin", "https://evil.example").get("/api/programmes").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("Origin"))
                .header("Access-Control-Allow-Origin", nullValue());
        admin().get("/api/programmes").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
