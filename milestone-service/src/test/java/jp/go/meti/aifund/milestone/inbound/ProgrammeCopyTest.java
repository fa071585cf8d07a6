package jp.go.meti.aifund.milestone.inbound;

import static jp.go.meti.aifund.milestone.support.Programmes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.infra.testing.HostileMessages;

/**
 * The copy of the programmes, kept from funding-service's events on the real broker: the newest
 * snapshot wins by its sequence, a redelivered or older one changes nothing, and what cannot be
 * read goes to milestone-service's dead-letter topic with its reason while consumption goes on.
 */
@QuarkusTest
class ProgrammeCopyTest {

    private static final String DEAD_LETTERS = "aifund.milestone-service.dlq.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    AgroalDataSource db;

    @Test
    void theNewestSnapshotIsKeptAndARedeliveredOrOlderOneChangesNothing() throws Exception {
        String programme = UUID.randomUUID().toString();
        Map<String, String> recipients = new LinkedHashMap<>();
        ObjectNode created = event("created", programme, 1, "Sovereign model", recipients);
        recipients.put("Noetra", UUID.randomUUID().toString());
        recipients.put("Honda", UUID.randomUUID().toString());
        ObjectNode added = event("recipient-added", programme, 2, "Sovereign model", recipients);
        publish(created);
        publish(added);
        awaitCopied(programme, 2);

        // the same events again, and an older snapshot under an id of its own (a renamed programme without recipients)
        publish(created);
        publish(added);
        ObjectNode older = event("envelope-set", programme, 1, "Renamed by an older snapshot", Map.of());
        publish(older);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(older.get("id").asText())); // after the two, in order

        copy(programme).then().statusCode(200).body("sequence", equalTo(2)).body("name", equalTo("Sovereign model"))
                .body("recipients.name", contains("Noetra", "Honda"))
                .body("changedAt", equalTo(added.at("/data/change/recordedAt").asText()));
        assertThat(RestAssured.given().get("/q/metrics").asString())
                .containsPattern("aifund_events_skipped_total\\{[^}]*reason=\"older-snapshot\"[^}]*\\} [1-9]");

        // a newer one replaces the copy, recipients included
        recipients.put("Sony Group", UUID.randomUUID().toString());
        publish(event("recipient-added", programme, 3, "Sovereign model", recipients));
        awaitCopied(programme, 3);
        copy(programme).then().body("recipients.name", contains("Noetra", "Honda", "Sony Group"));
    }

    @Test
    void everyKindOfHostileRecordOnTheProgrammeTopicIsDeadLetteredWithItsReason() {
        String programme = UUID.randomUUID().toString();
        ObjectNode valid = event("created", programme, 1, "After the poison", Map.of());
        List<HostileMessages.Hostile> sent = new ArrayList<>(HostileMessages.from(valid));
        ObjectNode ofAnother = event("created", programme, 1, "Another's snapshot", Map.of());
        ((ObjectNode) ofAnother.get("data")).put("programmeId", UUID.randomUUID().toString());
        sent.add(new HostileMessages.Hostile("a snapshot of another programme than its key's", programme,
                ofAnother.toString(), "is not the event's partitionkey"));
        ObjectNode backwards = event("created", programme, 1, "Ends before it starts", Map.of());
        ((ObjectNode) backwards.get("data")).put("firstFiscalYear", 2030).put("lastFiscalYear", 2026);
        sent.add(new HostileMessages.Hostile("a programme that ends before it starts", programme,
                backwards.toString(), "programme_copy_years"));
        ObjectNode later = HostileMessages.ofALaterType(valid);

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> dead = kafka.consumeStrings().fromTopics(DEAD_LETTERS);
            sent.forEach(h -> send(h.key(), h.value()));
            send(programme, later.toString());
            publish(valid);

            Set<String> keys = sent.stream().map(HostileMessages.Hostile::key).collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(60)).until(() -> deadLettered(dead, keys).size() == sent.size());
            List<String> reasons = deadLettered(dead, keys).stream().map(r -> new String(
                    r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)).toList();
            for (HostileMessages.Hostile h : sent) {
                assertThat(reasons).as("the reason for %s record", h.kind()).anyMatch(r -> r.contains(h.reason()));
            }
            awaitCopied(programme, 1); // and consumption goes on
            copy(programme).then().body("name", equalTo("After the poison")).body("lastFiscalYear", equalTo(LAST_YEAR));
            // an event of a type added to the contract later is skipped and counted, never dead-lettered
            assertThat(dead.getRecords()).noneMatch(r -> r.value().contains(later.get("id").asText()));
            assertThat(RestAssured.given().get("/q/metrics").asString())
                    .containsPattern("aifund_events_skipped_total\\{[^}]*reason=\"unknown-type\"[^}]*\\} [1-9]");
            dead.stop();
        }
    }

    private static List<ConsumerRecord<String, String>> deadLettered(ConsumerTask<String, String> dead, Set<String> keys) {
        return dead.getRecords().stream().filter(r -> keys.contains(r.key())).toList();
    }

    /** Whether the inbox holds the event: it was consumed, and applied if it changed anything. */
    private boolean applied(String eventId) throws Exception {
        try (var c = db.getConnection();
             var s = c.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?::uuid")) {
            s.setString(1, eventId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }
}
