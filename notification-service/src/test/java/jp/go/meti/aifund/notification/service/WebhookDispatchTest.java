package jp.go.meti.aifund.notification.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.notification.support.Events;
import jp.go.meti.aifund.notification.support.Events.Milestone;
import jp.go.meti.aifund.notification.support.HangingEndpoint;
import jp.go.meti.aifund.notification.support.WebhookReceiver;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Webhook attempts are made outside database transactions, side by side, on the real database and
 * broker: while three dead endpoints hold their connections unanswered, a live one receives its
 * delivery and it is recorded, the dead deliveries' rows are locked by no one, and each dead
 * delivery is claimed past the attempt's timeout (so the next polls do not call it again); when
 * their timeout ends each attempt is recorded, as a failure to be retried.
 */
@QuarkusTest
class WebhookDispatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Milestone> HALFWAY = List.of(new Milestone("BENCH", false, 10_000, "70", "PARTIALLY_MET", 5000));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    DataSource database;

    private static RequestSpecification owner() {
        return given().auth().oauth2(Tokens.of("admin.sato", Roles.PROGRAMME_ADMIN)).contentType(ContentType.JSON);
    }

    private String subscribe(String url, UUID programme) {
        return owner().body(Map.of("url", url, "minSeverity", "INFO", "programmeId", programme.toString()))
                .post("/api/webhook-subscriptions").then().statusCode(201).extract().path("id");
    }

    private void conditionalReview(UUID programme) {
        ObjectNode event = Events.review("finalized", programme, UUID.randomUUID(), 2026, 5000, "CONDITIONAL", HALFWAY);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ProducerRecord<String, String> r = new ProducerRecord<>("aifund.review-events.v1", programme.toString(),
                    event.toString());
            r.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(r).awaitCompletion();
        }
    }

    /** The subscription's deliveries of {@code warning} (stall warnings about the dead ones come later, and are not counted). */
    private List<Map<String, Object>> deliveries(String subscription, String warning) {
        return given().auth().oauth2(Tokens.of("auditor.ito", Roles.AUDITOR))
                .get("/api/webhook-subscriptions/{s}/deliveries", subscription).then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(d -> warning.equals(d.get("warningId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private int attempts(String subscription, String warning) {
        return deliveries(subscription, warning).stream().mapToInt(d -> ((List<Object>) d.get("attemptLog")).size())
                .sum();
    }

    /** Whether another transaction can lock the subscriptions' delivery rows at once (NOWAIT): nobody holds them. */
    private boolean unlocked(List<String> subscriptions) throws Exception {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM webhook_delivery WHERE subscription_id = ANY (?) "
                    + "FOR UPDATE NOWAIT")) {
                s.setArray(1, c.createArrayOf("uuid", subscriptions.stream().map(UUID::fromString).toArray()));
                List<Object> locked = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        locked.add(rows.getObject(1));
                    }
                }
                return locked.size() == subscriptions.size();
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void deadEndpointsThatHangDelayNoLiveOneHoldNoRowsAndAreCalledOncePerAttempt() throws Exception {
        UUID programme = UUID.randomUUID();
        try (HangingEndpoint dead = new HangingEndpoint(); WebhookReceiver live = new WebhookReceiver(0)) {
            List<String> hanging = List.of(subscribe(dead.url("/a"), programme), subscribe(dead.url("/b"), programme),
                    subscribe(dead.url("/c"), programme));
            String alive = subscribe(live.url(), programme);
            conditionalReview(programme);

            await().atMost(Duration.ofSeconds(30)).until(() -> dead.connections() == 3 && live.received().size() == 1);
            String warning = JSON.readTree(live.received().get(0).body()).at("/data/id").asText();
            Instant sent = Instant.now();
            await().atMost(Duration.ofSeconds(2)).until(() -> "DELIVERED".equals(deliveries(alive, warning).get(0)
                    .get("state"))); // recorded at once, not when the dead ones give up
            // the dead ones still wait for an answer: no attempt of theirs ended, no transaction holds their rows,
            // and each is claimed past the attempt's timeout, so that the next polls leave it alone
            assertThat(hanging.stream().mapToInt(s -> attempts(s, warning)).sum()).as("no dead attempt ended yet").isZero();
            assertThat(unlocked(hanging)).isTrue();
            for (String s : hanging) {
                assertThat(Instant.parse((String) deliveries(s, warning).get(0).get("nextAttemptAt")))
                        .isAfter(sent.plusSeconds(4));
            }
            assertThat(dead.connections()).isEqualTo(3);

            await().atMost(Duration.ofSeconds(15)).until(() -> hanging.stream().allMatch(s -> attempts(s, warning) >= 1));
            for (String s : hanging) {
                Map<String, Object> d = deliveries(s, warning).get(0);
                assertThat(d).containsEntry("state", "PENDING");
                @SuppressWarnings("unchecked")
                Map<String, Object> first = ((List<Map<String, Object>>) d.get("attemptLog")).get(0);
                assertThat((String) first.get("error")).startsWith("no answer within");
            }
            assertThat(deliveries(alive, warning).get(0).get("attempts")).isEqualTo(1);
        }
    }

    /** An endpoint that answers its headers and never its body is given up at the attempt's deadline, not waited on. */
    @Test
    void anEndpointThatNeverFinishesItsAnswerIsGivenUpAtTheDeadlineAndTheNextWarningsGoOut() throws Exception {
        UUID programme = UUID.randomUUID();
        try (HangingEndpoint trickling = HangingEndpoint.trickling(); WebhookReceiver live = new WebhookReceiver(0)) {
            String slow = subscribe(trickling.url("/hook"), programme);
            subscribe(live.url(), programme);
            conditionalReview(programme);
            await().atMost(Duration.ofSeconds(30)).until(() -> trickling.connections() == 1 && live.received().size() == 1);
            String warning = JSON.readTree(live.received().get(0).body()).at("/data/id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(slow, warning) >= 1);
            @SuppressWarnings("unchecked")
            Map<String, Object> first = ((List<Map<String, Object>>) deliveries(slow, warning).get(0).get("attemptLog"))
                    .get(0);
            assertThat((String) first.get("error")).startsWith("no answer within");
            assertThat(deliveries(slow, warning).get(0)).containsEntry("state", "PENDING");
        }
    }
}
