package jp.go.meti.aifund.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * contracts/asyncapi.yaml names every published event type, and each has its schema (declared as
 * JSON Schema 2020-12) and example: a schema added without its AsyncAPI entry (or the reverse)
 * fails here.
 */
class AsyncApiDocumentTest {

    private static final Path CONTRACTS = Path.of("..", "contracts");
    private static final Pattern MESSAGE = Pattern.compile(
            "name: (jp\\.go\\.meti\\.aifund\\.[a-z.-]+\\.v\\d+)\\s+payload: \\{ schemaFormat: "
                    + "'application/schema\\+json;version=draft-2020-12', schema: \\{ \\$ref: 'schemas/([^']+)' } }");

    @Test
    void everyEventTypeIsDocumentedWithItsSchemaAndExample() throws IOException {
        String asyncApi = Files.readString(CONTRACTS.resolve("asyncapi.yaml"));
        Set<String> documented = new TreeSet<>();
        Matcher m = MESSAGE.matcher(asyncApi);
        while (m.find()) {
            String type = m.group(1);
            assertThat(m.group(2)).isEqualTo(type + ".schema.json");
            documented.add(type);
        }
        Set<String> published;
        try (Stream<Path> schemas = Files.list(CONTRACTS.resolve("schemas"))) {
            published = schemas.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("jp.go.meti.aifund."))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(documented).isNotEmpty().isEqualTo(published);
        assertThat(documented).allSatisfy(type -> assertThat(CONTRACTS.resolve("examples").resolve(type + ".json")).exists());
    }
}
