package jp.go.meti.aifund.milestone.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;
import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.infra.testing.KafkaTestResource;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Programmes as funding-service announces them: programme events, each valid against the published
 * contract, sent to the real broker the tests start; then awaited in milestone-service's copy, which
 * the service consults before it accepts a milestone, review or conflict naming a programme.
 */
public final class Programmes {

    public static final int FIRST_YEAR = 2024;
    public static final int LAST_YEAR = 2030;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private Programmes() {
    }

    /** A programme and its recipients' ids by name. */
    public record Known(String id, Map<String, String> recipients) {

        public String recipient(String name) {
            assertThat(recipients).containsKey(name);
            return recipients.get(name);
        }
    }

    /**
     * A new programme FY2024–FY2030 created in funding-service, with the recipients named added one
     * by one (the first a consortium, the others its members); known to the copy when this returns.
     */
    public static Known known(String... recipientNames) {
        String id = UUID.randomUUID().toString();
        String name = "Programme " + id;
        Map<String, String> recipients = new LinkedHashMap<>();
        publish(event("created", id, 1, name, recipients));
        for (String recipient : recipientNames) {
            recipients.put(recipient, UUID.randomUUID().toString());
            publish(event("recipient-added", id, recipients.size() + 1, name, recipients));
        }
        awaitCopied(id, recipients.size() + 1);
        return new Known(id, Map.copyOf(recipients));
    }

    /**
     * The event {@code jp.go.meti.aifund.programme.<change>.v1} of a programme FY2024–FY2030 with these
     * recipients (by name, in order: a consortium, then its members), as funding-service writes it.
     */
    public static ObjectNode event(String change, String programmeId, long sequence, String name,
            Map<String, String> recipients) {
        String type = "jp.go.meti.aifund.programme." + change + ".v1";
        String at = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        ObjectNode e = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/aifund/funding-service").put("type", type).put("subject", "programme/" + programmeId)
                .put("time", at).put("datacontenttype", "application/json")
                .put("dataschema", Contracts.SCHEMA_BASE + type + ".schema.json").put("partitionkey", programmeId);
        ObjectNode d = e.putObject("data").put("programmeId", programmeId).put("name", name)
                .put("ceiling", 1_000_000_000_000L).put("firstFiscalYear", FIRST_YEAR).put("lastFiscalYear", LAST_YEAR)
                .put("commissioningMinistry", "METI").put("executingAgency", "NEDO").put("sequence", sequence);
        d.putObject("totals").put("ceiling", 1_000_000_000_000L).put("planned", 0).put("committed", 0)
                .put("disbursed", 0).put("recovered", 0).put("headroom", 1_000_000_000_000L);
        d.putArray("envelopes");
        ArrayNode list = d.putArray("recipients");
        String consortium = recipients.values().stream().findFirst().orElse(null);
        String last = null;
        for (Map.Entry<String, String> r : recipients.entrySet()) {
            boolean isConsortium = r.getValue().equals(consortium);
            ObjectNode node = list.addObject().put("recipientId", r.getValue()).put("name", r.getKey())
                    .put("role", isConsortium ? "CONSORTIUM" : "MEMBER").put("consortiumId", isConsortium ? null : consortium);
            if (isConsortium) {
                node.putNull("shareBasisPoints");
            } else {
                node.put("shareBasisPoints", 1000);
            }
            last = r.getValue();
        }
        boolean ofAYear = change.equals("envelope-set") || change.equals("gate-overridden");
        String kind = change.equals("created") ? "PROGRAMME_CREATED" : change.replace('-', '_').toUpperCase(Locale.ROOT);
        ObjectNode c = d.putObject("change").put("kind", kind)
                .put("recipientId", change.equals("recipient-added") ? last : null).put("actor", "admin.sato")
                .put("reason", change.equals("gate-overridden") ? "advance procurement" : null).put("recordedAt", at)
                .put("ledgerEntryId", change.equals("recipient-added") ? null : sequence);
        if (ofAYear) {
            c.put("fiscalYear", FIRST_YEAR + 1);
        } else {
            c.putNull("fiscalYear");
        }
        assertThat(Contracts.violations(e)).as("the test's event follows the contract").isEmpty();
        return e;
    }

    /** Sends the event to the programme topic, keyed by its programme, as funding-service's relay does. */
    public static void publish(ObjectNode event) {
        send(event.get("partitionkey").asText(), event.toString());
    }

    /** Sends any record to the programme topic (a hostile one, say). */
    public static void send(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic(), key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send to " + topic(), e);
        }
    }

    /** Waits until the copy holds the programme at this sequence or a later one. */
    public static void awaitCopied(String programmeId, long sequence) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response copy = copy(programmeId);
            return copy.statusCode() == 200 && copy.jsonPath().getLong("sequence") >= sequence;
        });
    }

    /** The copy as an auditor reads it. */
    public static Response copy(String programmeId) {
        return given().auth().oauth2(Tokens.of("auditor.ito", Roles.AUDITOR)).get("/api/programmes/{p}", programmeId);
    }

    public static String topic() {
        return ConfigProvider.getConfig().getValue("aifund.milestone.programme-topic", String.class);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }
}
