package jp.go.meti.aifund.funding.messaging;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.infra.testing.Contracts;

/**
 * An event reaches the topic if and only if its change committed, in the order of the changes,
 * keyed by programme, and valid against the schema published in contracts/.
 */
@QuarkusTest
class OutboxEventsTest {

    private static final long TRANCHE = 60_000_000_000L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "aifund.funding.tranche-topic")
    String topic;
    @Inject
    AgroalDataSource db;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void committedChangesArePublishedInOrderAndARolledBackOneIsNot() throws Exception {
        String programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, TRANCHE);
        String noetra = consortium(programme);
        String a = planned(programme, noetra, 2026, TRANCHE);
        String b = planned(programme, noetra, 2026, TRANCHE);
        approve(programme, a).then().statusCode(200);
        approve(programme, b).then().statusCode(409); // rolled back: the envelope is full
        act(meti(), programme, a, "hold", Map.of("reason", "pullback recommended")).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = eventsOf(programme, 4);

        assertThat(events).extracting(r -> type(r)).containsExactly(
                "jp.go.meti.aifund.tranche.planned.v1", "jp.go.meti.aifund.tranche.planned.v1",
                "jp.go.meti.aifund.tranche.approved.v1", "jp.go.meti.aifund.tranche.held.v1");
        assertThat(events).extracting(r -> read(r).at("/data/trancheId").asText()).containsExactly(a, b, a, a);
        assertThat(countOutboxRows("jp.go.meti.aifund.tranche.approved.v1", b)).isZero();
        JsonNode approved = read(events.get(2));
        assertThat(approved.at("/data/programme/committed").asLong()).isEqualTo(TRANCHE);
        assertThat(approved.at("/data/change/actor").asText()).isEqualTo(METI);
    }

    @Test
    void everyTrancheEventIsAValidCloudEventKeyedByItsProgramme() throws Exception {
        String programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 3 * TRANCHE);
        String noetra = consortium(programme);
        String paid = planned(programme, noetra, 2026, TRANCHE);
        String cut = planned(programme, noetra, 2026, TRANCHE);
        String dropped = planned(programme, noetra, 2026, TRANCHE);
        approve(programme, paid).then().statusCode(200);
        disburse(programme, paid).then().statusCode(200);
        act(meti(), programme, paid, "recover", Map.of("amount", 1_000_000L, "reason", "return order")).then().statusCode(200);
        act(meti(), programme, cut, "hold", Map.of("reason", "review")).then().statusCode(200);
        act(meti(), programme, cut, "release", Map.of("reason", "decision")).then().statusCode(200);
        act(meti(), programme, cut, "reduce", Map.of("newAmount", 1_000L, "reason", "decision")).then().statusCode(200);
        act(meti(), programme, dropped, "cancel", Map.of("reason", "decision")).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = eventsOf(programme, 10);

        assertThat(events).extracting(OutboxEventsTest::type).contains(
                "jp.go.meti.aifund.tranche.planned.v1", "jp.go.meti.aifund.tranche.approved.v1",
                "jp.go.meti.aifund.tranche.disbursed.v1", "jp.go.meti.aifund.tranche.recovered.v1",
                "jp.go.meti.aifund.tranche.held.v1", "jp.go.meti.aifund.tranche.released.v1",
                "jp.go.meti.aifund.tranche.reduced.v1", "jp.go.meti.aifund.tranche.cancelled.v1");
        for (ConsumerRecord<String, String> record : events) {
            JsonNode event = read(record);
            assertThat(Contracts.violations(event)).as("schema violations of %s", event).isEmpty();
            assertThat(record.key()).isEqualTo(programme).isEqualTo(event.get("partitionkey").asText());
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .startsWith("application/cloudevents+json");
        }
        assertThat(events).extracting(r -> read(r).get("id").asText()).doesNotHaveDuplicates();
    }

    private List<ConsumerRecord<String, String>> eventsOf(String programme, int expected) {
        ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics(topic);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> ofProgramme(task, programme).size() >= expected);
            List<ConsumerRecord<String, String>> events = ofProgramme(task, programme);
            assertThat(events).hasSize(expected);
            return events;
        } finally {
            task.stop();
        }
    }

    private static List<ConsumerRecord<String, String>> ofProgramme(ConsumerTask<String, String> task, String programme) {
        return task.getRecords().stream().filter(r -> programme.equals(r.key())).toList();
    }

    private static String type(ConsumerRecord<String, String> record) {
        return read(record).get("type").asText();
    }

    private static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return new ObjectMapper().readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    private long countOutboxRows(String type, String trancheId) throws Exception {
        try (var c = db.getConnection();
             var s = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE type = ? AND payload LIKE ?")) {
            s.setString(1, type);
            s.setString(2, "%" + trancheId + "%");
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
