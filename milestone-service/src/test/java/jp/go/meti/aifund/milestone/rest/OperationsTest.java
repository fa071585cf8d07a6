package jp.go.meti.aifund.milestone.rest;

import static io.restassured.RestAssured.given;
import static jp.go.meti.aifund.milestone.support.ReviewApi.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.go.meti.aifund.infra.testing.HealthProbes;

/** What an ops team and a portal developer rely on besides the API itself (and the probes, in {@link HealthProbes}). */
@QuarkusTest
class OperationsTest extends HealthProbes {

    @Test
    void theOpenApiDocumentDescribesTheReviewApiAndItsBearerAuth() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/programmes/{programmeId}/fiscal-years/{fiscalYear}/milestones",
                        "/api/reviews/{reviewId}/results/{milestoneId}", "/api/reviews/{reviewId}/finalize",
                        "/api/reviews/overdue", "/api/conflicts"))
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"));
    }

    @Test
    void prometheusSeesTheOutboxLag() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("aifund_outbox_pending"));
    }

    @Test
    void anUnknownPathIsAProblemDocument() {
        refused(nedo().get("/api/nothing-here"), 404, "http-404");
    }
}
