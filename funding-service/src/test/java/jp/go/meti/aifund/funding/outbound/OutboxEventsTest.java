package jp.go.meti.aifund.funding.outbound;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import jp.go.meti.aifund.funding.service.ProgrammeAnnouncements;
import jp.go.meti.aifund.infra.testing.Contracts;

/**
 * An event reaches the topic if and only if its change committed, in the order of the changes,
 * keyed by programme, and valid against the schema published in contracts/: the tranche events,
 * and the programme events that carry the programme's whole state.
 */
@QuarkusTest
class OutboxEventsTest {

    private static final long TRANCHE = 60_000_000_000L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "aifund.funding.tranche-topic")
    String topic;
    @ConfigProperty(name = "aifund.funding.programme-topic")
    String programmeTopic;
    @Inject
    AgroalDataSource db;
    @Inject
    ProgrammeAnnouncements announcements;

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
        assertThat(outboxRowsOf(programmeTopic, programme)).as("programme events: created, the envelope, the consortium")
                .isEqualTo(3);
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

    @Test
    void eachChangeOfAProgrammePublishesItsWholeStateOnceAndTrancheChangesDoNot() throws Exception {
        String programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 3 * TRANCHE);
        envelope(programme, 2026, 3 * TRANCHE); // the same amount again changes nothing
        envelope(programme, 2027, TRANCHE);
        String noetra = consortium(programme);
        String paid = planned(programme, noetra, 2026, TRANCHE); // tranche changes are tranche events only
        approve(programme, paid).then().statusCode(200);
        String gateOverride = "/api/programmes/{p}/envelopes/2027/gate-override";
        meti().body(Map.of("reason", "advance FY2027 procurement")).post(gateOverride, programme).then().statusCode(200);
        meti().body(Map.of("reason", "again")).post(gateOverride, programme).then().statusCode(200); // already open
        admin().body(Map.of("amount", 2_000_000_000_000L)).put("/api/programmes/{p}/envelopes/2028", programme)
                .then().statusCode(409); // over the ceiling: rolled back
        String softBank = admin().body(Map.of("name", "SoftBank", "role", "MEMBER", "consortiumId", noetra,
                "shareBasisPoints", 6000)).post("/api/programmes/{p}/recipients", programme).then().statusCode(201)
                .extract().path("id");

        List<ConsumerRecord<String, String>> events = eventsOf(programmeTopic, programme, 6);

        String prefix = "jp.go.meti.aifund.programme.";
        assertThat(events).extracting(OutboxEventsTest::type).containsExactly(prefix + "created.v1",
                prefix + "envelope-set.v1", prefix + "envelope-set.v1", prefix + "recipient-added.v1",
                prefix + "gate-overridden.v1", prefix + "recipient-added.v1");
        assertThat(outboxRowsOf(programmeTopic, programme)).as("nothing for the changes that changed nothing")
                .isEqualTo(6);
        for (ConsumerRecord<String, String> record : events) {
            JsonNode event = read(record);
            assertThat(Contracts.violations(event)).as("schema violations of %s", event).isEmpty();
            assertThat(record.key()).isEqualTo(programme).isEqualTo(event.get("partitionkey").asText())
                    .isEqualTo(event.at("/data/programmeId").asText());
            assertThat(event.get("subject").asText()).isEqualTo("programme/" + programme);
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .startsWith("application/cloudevents+json");
        }
        assertThat(events).extracting(r -> read(r).at("/data/sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events).extracting(r -> read(r).at("/data/change/fiscalYear").asText())
                .containsExactly("null", "2026", "2027", "null", "2027", "null");

        JsonNode created = read(events.get(0)).get("data");
        assertThat(created.get("envelopes")).isEmpty();
        assertThat(created.at("/change/actor").asText()).isEqualTo(ADMIN);
        assertThat(created.at("/totals/headroom").asLong()).isEqualTo(1_000_000_000_000L);
        JsonNode overridden = read(events.get(4)).get("data");
        assertThat(overridden.at("/change/actor").asText()).isEqualTo(METI);
        assertThat(overridden.at("/change/reason").asText()).isEqualTo("advance FY2027 procurement");
        // the last snapshot is the programme as it is now, tranche changes included
        JsonNode last = read(events.get(5)).get("data");
        assertThat(last.at("/change/recipientId").asText()).isEqualTo(softBank);
        assertThat(last.at("/totals/planned").asLong()).isEqualTo(4 * TRANCHE);
        assertThat(last.at("/totals/committed").asLong()).isEqualTo(TRANCHE);
        assertThat(last.at("/totals/headroom").asLong()).isEqualTo(1_000_000_000_000L - TRANCHE);
        assertThat(last.get("envelopes")).extracting(e -> e.get("fiscalYear").asInt() + " " + e.get("amount").asLong()
                + " " + e.get("committed").asLong() + " " + e.get("gate").asText())
                .containsExactly("2026 " + 3 * TRANCHE + " " + TRANCHE + " NOT_GATED", "2027 " + TRANCHE + " 0 OPEN");
        assertThat(last.get("recipients")).extracting(r -> r.get("recipientId").asText() + " " + r.get("role").asText()
                + " " + r.get("consortiumId").asText() + " " + r.get("shareBasisPoints").asText())
                .containsExactly(noetra + " CONSORTIUM null null", softBank + " MEMBER " + noetra + " 6000");
    }

    @Test
    void aProgrammeFromBeforeProgrammeEventsIsAnnouncedOnceAsCreatedWithItsStateNow() throws Exception {
        String programme = UUID.randomUUID().toString();
        String noetra = UUID.randomUUID().toString();
        update("INSERT INTO programme (id, name, ceiling, first_fiscal_year, last_fiscal_year, commissioning_ministry, "
                + "executing_agency, created_by, created_at) VALUES (?::uuid, 'Created before programme events', "
                + "1000000000000, 2026, 2030, 'METI', 'NEDO', 'admin.sato', now() - interval '1 day')", programme);
        update("INSERT INTO recipient (id, programme_id, name, role, created_at) VALUES (?::uuid, ?::uuid, 'Noetra', "
                + "'CONSORTIUM', now())", noetra, programme);

        assertThat(announcements.announceUnpublished()).isEqualTo(1);
        assertThat(announcements.announceUnpublished()).as("once").isZero();

        JsonNode announced = read(eventsOf(programmeTopic, programme, 1).get(0));
        assertThat(Contracts.violations(announced)).isEmpty();
        assertThat(announced.get("type").asText()).isEqualTo("jp.go.meti.aifund.programme.created.v1");
        assertThat(announced.at("/data/sequence").asLong()).isEqualTo(1);
        assertThat(announced.at("/data/change/actor").asText()).isEqualTo(ADMIN);
        assertThat(announced.at("/data/recipients/0/recipientId").asText()).isEqualTo(noetra);
    }

    private List<ConsumerRecord<String, String>> eventsOf(String programme, int expected) {
        return eventsOf(topic, programme, expected);
    }

    private List<ConsumerRecord<String, String>> eventsOf(String topic, String programme, int expected) {
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
        return count("SELECT count(*) FROM outbox_event WHERE type = ? AND payload LIKE ?", type, "%" + trancheId + "%");
    }

    private long outboxRowsOf(String topic, String programme) throws Exception {
        return count("SELECT count(*) FROM outbox_event WHERE topic = ? AND message_key = ?", topic, programme);
    }

    private long count(String sql, String... parameters) throws Exception {
        try (var c = db.getConnection(); var s = statement(c, sql, parameters); var rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql, String... parameters) throws Exception {
        try (var c = db.getConnection(); var s = statement(c, sql, parameters)) {
            s.executeUpdate();
        }
    }

    private static PreparedStatement statement(Connection c, String sql, String... parameters) throws SQLException {
        var s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setString(i + 1, parameters[i]);
        }
        return s;
    }
}
