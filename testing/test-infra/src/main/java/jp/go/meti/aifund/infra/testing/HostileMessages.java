package jp.go.meti.aifund.infra.testing;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The kinds of record a consumer must send to its dead-letter topic, each with the words its
 * reason must contain, derived from one valid event of the topic; and the one it must not: an
 * event of a type added to the contract later, which it skips.
 */
public final class HostileMessages {

    public record Hostile(String kind, String key, String value, String reason) {
    }

    private HostileMessages() {
    }

    /** A well-formed event of a type this version does not know, with an id of its own. */
    public static ObjectNode ofALaterType(ObjectNode valid) {
        ObjectNode later = valid.deepCopy();
        later.put("type", "jp.go.meti.aifund.review.archived.v1").put("id", UUID.randomUUID().toString());
        return later;
    }

    public static List<Hostile> from(ObjectNode valid) {
        String key = valid.get("partitionkey").asText();
        ObjectNode wrongSchema = valid.deepCopy();
        ((ObjectNode) wrongSchema.get("data")).put("programmeId", "not-a-uuid");
        String huge = "{\"padding\":\"" + "x".repeat(1_000_100) + "\"}";
        return List.of(
                new Hostile("not JSON", key, "{\"specversion\": \"1.0\", ", "not JSON"),
                new Hostile("wrong schema", key, wrongSchema.toString(), "not a valid"),
                new Hostile("huge payload", key, huge, "exceeds"),
                new Hostile("wrong key", UUID.randomUUID().toString(), valid.toString(), "partitionkey"));
    }
}
