package jp.go.meti.aifund.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a consumer accepts, and the reason it gives for each message it must send to its dead letters. */
class EventReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventReader READER = new EventReader(JSON);
    private static final String FINALIZED = "jp.go.meti.aifund.review.finalized.v1";

    private static String example(String type) throws IOException {
        return Files.readString(Path.of("..", "contracts", "examples", type + ".json"));
    }

    private static String keyOf(String event) throws IOException {
        return JSON.readTree(event).get("partitionkey").asText();
    }

    @Test
    void aPublishedEventIsReadWithItsData() throws IOException {
        String event = example(FINALIZED);
        IncomingEvent read = READER.read(keyOf(event), event);
        assertThat(read.type()).isEqualTo(FINALIZED);
        assertThat(read.data().get("outcome").asText()).isEqualTo("FAILED");
        String tranche = example("jp.go.meti.aifund.tranche.held.v1");
        assertThat(READER.read(keyOf(tranche), tranche).data().get("state").asText()).isEqualTo("ON_HOLD");
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("..", "contracts", "examples")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyPublishedExampleIsReadAsAConsumerReadsIt(Path example) throws IOException {
        String event = Files.readString(example);
        assertThat(READER.read(keyOf(event), event).type() + ".json").isEqualTo(example.getFileName().toString());
    }

    @Test
    void eachKindOfPoisonIsRefusedWithItsReason() throws IOException {
        String event = example(FINALIZED);
        String key = keyOf(event);
        assertRefused(key, "{not json", "not JSON");
        assertRefused(key, "", "empty message");
        assertRefused(key, "{\"type\":\"something.else\"}", "not an aifund CloudEvent");
        ObjectNode wrong = (ObjectNode) JSON.readTree(event);
        ((ObjectNode) wrong.get("data")).put("scoreBasisPoints", "high");
        assertRefused(key, wrong.toString(), "not a valid " + FINALIZED);
        assertRefused("another-key", event, "is not the event's partitionkey");
        assertRefused(key, "{\"pad\":\"" + "x".repeat(EventReader.MAX_BYTES) + "\"}", "exceeds");
    }

    /** A type added to the contract after this version: read on its envelope, for the consumer to skip. */
    @Test
    void anEventOfATypeAddedLaterIsReadOnItsEnvelope() throws IOException {
        String event = example(FINALIZED).replace(FINALIZED, "jp.go.meti.aifund.review.archived.v1");
        assertThat(READER.isPublished("jp.go.meti.aifund.review.archived.v1")).isFalse();
        assertThat(READER.isPublished(FINALIZED)).isTrue();
        assertThat(READER.read(keyOf(event), event).type()).isEqualTo("jp.go.meti.aifund.review.archived.v1");
        ObjectNode broken = (ObjectNode) JSON.readTree(event);
        broken.remove("subject");
        assertRefused(keyOf(event), broken.toString(), "not a valid jp.go.meti.aifund.review.archived.v1");
    }

    private static void assertRefused(String key, String payload, String reason) {
        assertThatThrownBy(() -> READER.read(key, payload)).isInstanceOf(PoisonMessage.class)
                .hasMessageContaining(reason);
    }
}
