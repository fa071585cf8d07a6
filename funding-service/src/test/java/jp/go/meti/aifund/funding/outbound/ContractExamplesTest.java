package jp.go.meti.aifund.funding.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.infra.testing.Contracts;

/** The published examples are valid, and every tranche and programme event type the service emits is published. */
class ContractExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "contracts", "examples");

    static Stream<Path> fundingExamples() throws IOException {
        return Files.list(EXAMPLES).filter(p -> p.getFileName().toString().startsWith(TrancheEvents.TYPE_PREFIX)
                || p.getFileName().toString().startsWith(ProgrammeEvents.TYPE_PREFIX)).sorted();
    }

    @ParameterizedTest
    @MethodSource("fundingExamples")
    void everyExampleValidatesAgainstTheSchemaOfItsType(Path example) throws IOException {
        assertThat(Contracts.violations(new ObjectMapper().readTree(example.toFile()))).isEmpty();
    }

    @Test
    void everyEmittedTypeHasASchemaAndAnExample() {
        List<String> emitted = Stream.concat(Stream.of(LedgerKind.values()).filter(k -> k.name().startsWith("TRANCHE_"))
                .map(TrancheEvents::typeOf), Stream.of(ProgrammeChange.values()).map(ProgrammeEvents::typeOf)).toList();
        assertThat(emitted).hasSize(32).allSatisfy(type -> {
            assertThat(EXAMPLES.resolve(type + ".json")).exists();
            assertThat(EXAMPLES.resolveSibling("schemas").resolve(type + ".schema.json")).exists();
        });
    }

    @Test
    void aProgrammeSnapshotWithoutItsRecipientsOrWithAnotherKindOfChangeIsRejectedBySchema() throws IOException {
        ObjectNode event = (ObjectNode) new ObjectMapper()
                .readTree(EXAMPLES.resolve("jp.go.meti.aifund.programme.recipient-added.v1.json").toFile());
        ((ObjectNode) event.get("data")).remove("recipients");
        ((ObjectNode) event.at("/data/change")).put("kind", "ENVELOPE_SET").putNull("recipientId");
        assertThat(Contracts.violations(event)).extracting(Object::toString)
                .anyMatch(m -> m.contains("recipients")).anyMatch(m -> m.contains("kind"))
                .anyMatch(m -> m.contains("recipientId"));
    }

    @Test
    void aMessageMissingItsMoneyIsRejectedBySchema() throws IOException {
        ObjectNode event = (ObjectNode) new ObjectMapper()
                .readTree(EXAMPLES.resolve("jp.go.meti.aifund.tranche.approved.v1.json").toFile());
        ((ObjectNode) event.get("data")).remove("amount");
        ((ObjectNode) event.get("data")).put("state", "DISBURSED");
        assertThat(Contracts.violations(event)).extracting(Object::toString)
                .anyMatch(m -> m.contains("amount")).anyMatch(m -> m.contains("state"));
    }
}
