package jp.go.meti.aifund.platform.messaging;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent read from a topic and validated against the published schema of its type. */
public record IncomingEvent(UUID id, String type, String subject, String partitionKey, JsonNode data) {
}
