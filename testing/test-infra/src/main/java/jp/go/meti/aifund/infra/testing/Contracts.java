package jp.go.meti.aifund.infra.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published event schemas in contracts/schemas, as an external consumer would use them. Paths
 * are relative to a service module, the working directory of its tests.
 */
public final class Contracts {

    public static final String SCHEMA_BASE = "https://aifund.meti.go.jp/contracts/";
    private static final Path SCHEMAS = Path.of("..", "contracts", "schemas").toAbsolutePath().normalize();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, SCHEMAS.toUri().toString())));

    private Contracts() {
    }

    /** The violations of {@code event} against the schema of its own {@code type}; empty when valid. */
    public static Set<ValidationMessage> violations(JsonNode event) {
        String type = event.path("type").asText();
        Path file = SCHEMAS.resolve(type + ".schema.json");
        if (!Files.exists(file)) {
            throw new AssertionError("no published schema for event type " + type + " in " + SCHEMAS);
        }
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(SCHEMA_BASE + type + ".schema.json"));
        schema.initializeValidators();
        return schema.validate(event, executionContext -> executionContext.getExecutionConfig().setFormatAssertionsEnabled(true));
    }
}
