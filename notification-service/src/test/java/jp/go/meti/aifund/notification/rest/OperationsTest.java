package jp.go.meti.aifund.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.go.meti.aifund.infra.testing.HealthProbes;

/** What an ops team and a portal developer rely on besides the API itself (and the probes, in {@link HealthProbes}). */
@QuarkusTest
class OperationsTest extends HealthProbes {

    @Test
    void prometheusSeesWarningsWebhooksOutboxAndConsumers() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("aifund_warnings_open{severity=\"CRITICAL\"}"))
                .body(containsString("aifund_reviews_overdue"))
                .body(containsString("aifund_webhook_deliveries_pending"))
                .body(containsString("aifund_webhook_attempts_failed"))
                .body(containsString("aifund_outbox_pending"))
                .body(containsString("aifund_outbox_oldest_pending_seconds"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
    }

    @Test
    void theOpenApiDocumentAndTheDashboardAreServed() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/warnings", "/api/warnings/stream", "/api/what-if",
                        "/api/webhook-subscriptions", "/api/dashboard"));
        given().get("/dashboard/").then().statusCode(200).body(containsString("data-testid=\"headroom\""));
    }
}
