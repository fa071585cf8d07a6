package jp.go.meti.aifund.platform.messaging;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A CloudEvent read from a topic and validated against the published schema of its type. */
public record IncomingEvent(UUID id, String type, String subject, String partitionKey, JsonNode data) {

    /** Fields added to a schema later (additive within .v1) are not known to older types: ignored. */
    private static final ObjectMapper TYPES = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The data as the type generated from its schema in contracts/ (module event-contracts): a field
     * renamed in the schema breaks the reader at compile time, not at run time.
     */
    public <T> T data(Class<T> type) {
        try {
            return TYPES.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessage("data does not read as " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
