package jp.go.meti.aifund.platform.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Reads a Kafka record as a consumer must: an aifund CloudEvent, valid against the schema of its
 * type in contracts/ (packaged with the platform), keyed by its programme. Anything else is a
 * {@link PoisonMessage} naming what is wrong. Readers stay tolerant, as the contract promises: the
 * schemas allow fields they do not know, and an event of a type this version has no schema for (a
 * type added later) is read against the CloudEvent envelope alone, for its consumer to skip.
 */
@ApplicationScoped
public class EventReader {

    /** Larger than any event the services publish by two orders of magnitude. */
    public static final int MAX_BYTES = 1_000_000;
    private static final String SCHEMA_BASE = "https://aifund.meti.go.jp/contracts/";

    private final ObjectMapper json;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:contracts/schemas/")));
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchema envelope = load("cloudevent.v1");

    public EventReader(ObjectMapper json) {
        this.json = json;
    }

    public IncomingEvent read(String key, String payload) {
        if (payload == null || payload.isBlank()) {
            throw new PoisonMessage("empty message");
        }
        if (payload.length() > MAX_BYTES) {
            throw new PoisonMessage("message of " + payload.length() + " characters exceeds " + MAX_BYTES);
        }
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new PoisonMessage("not JSON: " + e.getOriginalMessage());
        }
        String type = event.path("type").asText("");
        JsonSchema schema = schemaOf(type);
        Set<ValidationMessage> violations = schema.validate(event,
                context -> context.getExecutionConfig().setFormatAssertionsEnabled(true));
        if (!violations.isEmpty()) {
            throw new PoisonMessage("not a valid " + type + ": " + violations.stream().limit(5)
                    .map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
        }
        String partitionKey = event.get("partitionkey").asText();
        if (!partitionKey.equals(key)) {
            throw new PoisonMessage("record key " + key + " is not the event's partitionkey " + partitionKey);
        }
        return new IncomingEvent(UUID.fromString(event.get("id").asText()), type, event.get("subject").asText(),
                partitionKey, event.get("data"));
    }

    /** Whether this version of the contracts has a schema for {@code type}. */
    public boolean isPublished(String type) {
        if (schemas.containsKey(type)) {
            return true;
        }
        try (InputStream published = getClass().getClassLoader()
                .getResourceAsStream("contracts/schemas/" + type + ".schema.json")) {
            return published != null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonSchema schemaOf(String type) {
        if (!type.matches("jp\\.go\\.meti\\.aifund\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+")) {
            throw new PoisonMessage("not an aifund CloudEvent: type \"" + type + "\"");
        }
        // unknown types are not cached: a producer cannot grow this map by inventing them
        return isPublished(type) ? schemas.computeIfAbsent(type, this::load) : envelope;
    }

    private JsonSchema load(String name) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(SCHEMA_BASE + name + ".schema.json"));
        schema.initializeValidators();
        return schema;
    }
}
