package jp.go.meti.aifund.platform.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CloudEvents 1.0 message in structured JSON mode, as published on Kafka. {@code partitionkey}
 * is the CloudEvents partitioning extension: the programme id, also the Kafka record key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, UUID id, String source, String type, String subject, Instant time,
        String datacontenttype, String dataschema, String partitionkey, T data) {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static <T> CloudEvent<T> of(String source, String type, String subject, String dataschema,
            String partitionKey, Instant time, T data) {
        return new CloudEvent<>("1.0", UUID.randomUUID(), source, type, subject, time, "application/json",
                dataschema, partitionKey, data);
    }
}
