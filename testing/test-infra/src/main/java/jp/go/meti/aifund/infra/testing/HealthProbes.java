package jp.go.meti.aifund.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * The health endpoints the Kubernetes probes call (startup, liveness, readiness) are served and
 * up, and readiness covers the database and Kafka. Each service's operations test extends this;
 * {@code KubernetesManifestsTest} relies on it for the probe paths.
 */
public abstract class HealthProbes {

    @Test
    void theProbesTheManifestsUseAreServedAndReadinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }
}
