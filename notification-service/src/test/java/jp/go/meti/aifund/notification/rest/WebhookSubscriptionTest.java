package jp.go.meti.aifund.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.notification.domain.WebhookSignature;
import jp.go.meti.aifund.notification.support.Events;
import jp.go.meti.aifund.notification.support.Events.Milestone;
import jp.go.meti.aifund.notification.support.WebhookReceiver;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Webhooks an owner controls, verified as a receiver verifies them (Svix's Standard Webhooks
 * library): every change of a warning delivered as its own type, disable and re-enable without
 * losing one, rotation with both secrets signing, deletion, no one else's subscriptions, and URLs
 * into the service's own network refused at subscription and again at delivery.
 */
@QuarkusTest
class WebhookSubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Milestone> HALFWAY = List.of(new Milestone("BENCH", false, 10_000, "70", "PARTIALLY_MET", 5000));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    DataSource database;

    private static RequestSpecification as(String person, String role) {
        return given().auth().oauth2(Tokens.of(person, role)).contentType(ContentType.JSON);
    }

    private static RequestSpecification owner() {
        return as("admin.sato", Roles.PROGRAMME_ADMIN);
    }

    private void conditionalReview(UUID programme, int fiscalYear) {
        ObjectNode event = Events.review("finalized", programme, UUID.randomUUID(), fiscalYear, 5000, "CONDITIONAL", HALFWAY);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ProducerRecord<String, String> r = new ProducerRecord<>("aifund.review-events.v1", programme.toString(),
                    event.toString());
            r.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(r).awaitCompletion();
        }
    }

    /** What a receiver does with Svix's library: throws unless a signature verifies and the timestamp is now. */
    private static void verify(String secret, WebhookReceiver.Received hook) throws Exception {
        new Webhook(secret).verify(hook.body(), hook.headers());
    }

    private static JsonNode body(WebhookReceiver.Received hook) throws Exception {
        return JSON.readTree(hook.body());
    }

    @Test
    void theOwnerDisablesReenablesRotatesAndDeletesAndEveryChangeArrivesSignedAsItsOwnType() throws Exception {
        UUID programme = UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            ExtractableResponse<Response> created = owner().body(Map.of("url", receiver.url(), "minSeverity", "INFO",
                    "programmeId", programme.toString())).post("/api/webhook-subscriptions").then().statusCode(201)
                    .extract();
            String id = created.path("id");
            String firstSecret = created.path("secret");
            assertThat(created.header("Location")).endsWith("/api/webhook-subscriptions/" + id);
            String etag = owner().get("/api/webhook-subscriptions/{s}", id).then().statusCode(200)
                    .body("secret", equalTo(null)).extract().header("ETag");
            assertThat(created.header("ETag")).as("the creation's ETag is the version reads show").isEqualTo(etag);

            // no one else's: another administrator neither sees nor changes it; an auditor reads it
            RequestSpecification other = as("admin.kato", Roles.PROGRAMME_ADMIN);
            assertThat(other.get("/api/webhook-subscriptions?size=200").then().statusCode(200).extract().jsonPath()
                    .getList("items.id")).doesNotContain(id);
            as("admin.kato", Roles.PROGRAMME_ADMIN).get("/api/webhook-subscriptions/{s}", id).then().statusCode(404);
            as("admin.kato", Roles.PROGRAMME_ADMIN).body(Map.of("active", false))
                    .patch("/api/webhook-subscriptions/{s}", id).then().statusCode(404);
            as("admin.kato", Roles.PROGRAMME_ADMIN).delete("/api/webhook-subscriptions/{s}", id).then().statusCode(404);
            as("auditor.ito", Roles.AUDITOR).get("/api/webhook-subscriptions/{s}", id).then().statusCode(200);
            assertThat(owner().get("/api/webhook-subscriptions?size=200").then().extract().jsonPath()
                    .getList("items.id")).contains(id);

            // disabled: the raised warning waits, unsent; re-enabled: it arrives
            owner().header("If-Match", etag).body(Map.of("active", false)).patch("/api/webhook-subscriptions/{s}", id)
                    .then().statusCode(200).body("active", equalTo(false));
            owner().header("If-Match", etag).body(Map.of("active", true)).patch("/api/webhook-subscriptions/{s}", id)
                    .then().statusCode(412);
            conditionalReview(programme, 2026);
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(id).size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().isEmpty());
            assertThat(deliveries(id).get(0)).containsEntry("state", "PENDING").containsEntry("attempts", 0);
            owner().body(Map.of("active", true)).patch("/api/webhook-subscriptions/{s}", id).then().statusCode(200)
                    .body("active", equalTo(true));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received raised = receiver.received().get(0);
            verify(firstSecret, raised);
            assertThat(body(raised).get("type").asText()).isEqualTo("warning.raised");
            String warningId = body(raised).at("/data/id").asText();
            assertThat(Math.abs(Long.parseLong(raised.header("webhook-timestamp")) - Instant.now().getEpochSecond()))
                    .as("the webhook-timestamp is the real time").isLessThan(60);

            // acknowledged: its own type, the warning as the change left it
            as("meti.suzuki", Roles.METI_OFFICIAL).body(Map.of("note", "seen"))
                    .post("/api/warnings/{w}/acknowledge", warningId).then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            WebhookReceiver.Received acknowledged = receiver.received().get(1);
            verify(firstSecret, acknowledged);
            assertThat(body(acknowledged).get("type").asText()).isEqualTo("warning.acknowledged");
            assertThat(body(acknowledged).at("/data/state").asText()).isEqualTo("ACKNOWLEDGED");

            // rotated: the new secret shown once; both sign until the overlap ends
            String current = owner().get("/api/webhook-subscriptions/{s}", id).then().extract().header("ETag");
            owner().header("If-Match", etag).post("/api/webhook-subscriptions/{s}/secret-rotation", id).then()
                    .statusCode(412);
            ExtractableResponse<Response> rotated = owner().header("If-Match", current)
                    .post("/api/webhook-subscriptions/{s}/secret-rotation", id).then().statusCode(200)
                    .body("previousSecretUntil", org.hamcrest.Matchers.notNullValue()).extract();
            String secondSecret = rotated.path("secret");
            assertThat(secondSecret).startsWith("whsec_").isNotEqualTo(firstSecret);
            owner().get("/api/webhook-subscriptions/{s}", id).then().body("secret", equalTo(null));
            as("meti.suzuki", Roles.METI_OFFICIAL).body(Map.of("note", "done"))
                    .post("/api/warnings/{w}/resolve", warningId).then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 3);
            WebhookReceiver.Received resolved = receiver.received().get(2);
            assertThat(body(resolved).get("type").asText()).isEqualTo("warning.resolved");
            assertThat(resolved.header("webhook-signature").split(" ")).hasSize(2);
            verify(secondSecret, resolved);
            verify(firstSecret, resolved);
            assertThatThrownBy(() -> verify(WebhookSignature.newSecret(), resolved))
                    .isInstanceOf(WebhookVerificationException.class);

            // deleted: gone for its owner, nothing more is sent, the record stays
            owner().delete("/api/webhook-subscriptions/{s}", id).then().statusCode(204);
            owner().get("/api/webhook-subscriptions/{s}", id).then().statusCode(404);
            conditionalReview(programme, 2027);
            await().atMost(Duration.ofSeconds(30)).until(() -> as("x", Roles.AUDITOR)
                    .get("/api/warnings?programmeId={p}", programme).then().extract().jsonPath().getInt("totalItems") == 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 3);
            assertThat(deliveryStates(UUID.fromString(id))).containsExactly("DELIVERED", "DELIVERED", "DELIVERED");
        }
    }

    @Test
    void aDeletedSubscriptionsPendingDeliveriesAreCancelledNotSent() throws Exception {
        UUID programme = UUID.randomUUID();
        try (WebhookReceiver failing = new WebhookReceiver(1_000)) {
            String id = owner().body(Map.of("url", failing.url(), "minSeverity", "INFO", "programmeId",
                    programme.toString())).post("/api/webhook-subscriptions").then().statusCode(201).extract().path("id");
            conditionalReview(programme, 2026);
            await().atMost(Duration.ofSeconds(30)).until(() -> !failing.received().isEmpty());
            owner().delete("/api/webhook-subscriptions/{s}", id).then().statusCode(204);
            int attempts = failing.received().size();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> failing.received().size() == attempts);
            assertThat(deliveryStates(UUID.fromString(id))).containsExactly("CANCELLED");
        }
    }

    @Test
    void urlsIntoTheServicesOwnNetworkAreRefusedAtSubscriptionAndAgainAtDelivery() throws Exception {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://127.0.0.2:5432/",
                "http://10.0.0.1/hook", "http://192.168.1.10/", "http://172.16.0.5/", "http://[::1]:8080/",
                "http://[fd00:ec2::254]/", "http://0.0.0.0/", "http://100.100.100.200/", "http://[::ffff:127.0.0.2]/")) {
            owner().body(Map.of("url", url, "minSeverity", "INFO")).post("/api/webhook-subscriptions").then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"))
                    .body("errors[0].reason", containsString("must not lead into the service's own network"));
        }
        for (String url : List.of("ftp://127.0.0.1/", "http://no-such-host.invalid/", "http://user:pw@127.0.0.1/", "hook",
                "http://127.1:9999/")) {
            owner().body(Map.of("url", url, "minSeverity", "INFO")).post("/api/webhook-subscriptions").then()
                    .statusCode(400).body("errors[0].field", equalTo("url"));
        }

        // a subscription whose name has since been pointed into the network (written as a look-up
        // would have found it): checked again before the attempt, never sent
        UUID programme = UUID.randomUUID();
        try (WebhookReceiver inside = new WebhookReceiver("127.0.0.2", 0)) {
            UUID id = UUID.randomUUID();
            try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO webhook_subscription (id, url, secret, min_severity, programme_id, created_by, created_at,"
                            + " active, updated_at) VALUES (?, ?, ?, 'INFO', ?, 'admin.sato', ?, true, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, inside.url());
                insert.setString(3, WebhookSignature.newSecret());
                insert.setObject(4, programme);
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            conditionalReview(programme, 2026);
            await().atMost(Duration.ofSeconds(30)).until(() -> !deliveries(id.toString()).isEmpty()
                    && !attemptsOf(deliveries(id.toString()).get(0)).isEmpty());
            Map<String, Object> attempt = attemptsOf(deliveries(id.toString()).get(0)).get(0);
            assertThat(attempt.get("statusCode")).isNull();
            assertThat((String) attempt.get("error")).contains("not sent").contains("127.0.0.2");
            assertThat(inside.received()).isEmpty();
        }
        owner().body(Map.of("url", "http://127.0.0.1:9/hook", "minSeverity", "INFO", "programmeId",
                UUID.randomUUID().toString())).post("/api/webhook-subscriptions").then()
                .statusCode(201); // the test's allowed network (127.0.0.1/32)
    }

    private List<Map<String, Object>> deliveries(String subscriptionId) {
        return as("auditor.ito", Roles.AUDITOR).get("/api/webhook-subscriptions/{s}/deliveries", subscriptionId).then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attemptsOf(Map<String, Object> delivery) {
        return (List<Map<String, Object>>) delivery.get("attemptLog");
    }

    private List<String> deliveryStates(UUID subscriptionId) throws Exception {
        List<String> states = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT state FROM webhook_delivery WHERE subscription_id = ? ORDER BY change_position")) {
            query.setObject(1, subscriptionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.add(rows.getString(1));
                }
            }
        }
        return states;
    }
}
