package jp.go.meti.aifund.notification.inbound;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The dead-letter topic of the batch consumers ({@code aifund.notification-service.dlq.v1}): a
 * record that cannot be applied goes there unchanged, with the same headers SmallRye's
 * dead-letter strategy writes (the reason, and where the record came from). The batch goes on
 * only once the broker has it, so a crash cannot lose it.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "dead-letters";

    private final Emitter<String> emitter;

    public DeadLetters(@Channel(CHANNEL) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        try {
            acked.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("record " + record.topic() + "/" + record.partition() + "@" + record.offset()
                    + " could not be dead-lettered", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
