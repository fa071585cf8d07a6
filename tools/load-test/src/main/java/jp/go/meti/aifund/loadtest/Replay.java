package jp.go.meti.aifund.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import jp.go.meti.aifund.infra.local.LocalStack;

/**
 * 3. Replay: notification-service rebuilding its state from review and tranche events already in
 * Kafka. The events are the system's own, those the earlier measurements made, copied with fresh
 * ids (every UUID of a copy turned into another, consistently) onto two topics of the replay's own
 * until there are as many as asked. notification-service is then started again on an empty
 * database with a new consumer group, reads them all, and must raise the same warnings once per copy.
 */
final class Replay {

    static final String REVIEWS = "bench.replay.review-events";
    static final String TRANCHES = "bench.replay.tranche-events";
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    record Result(long events, double seconds, double kafkaPerSecond, long warnings, long expectedWarnings) {
        double perSecond() {
            return events / seconds;
        }
    }

    private final LocalStack stack;
    private final Api api;

    Replay(LocalStack stack, Api api) {
        this.stack = stack;
        this.api = api;
    }

    Result measure(long events) throws Exception {
        String notification = stack.url("notification-service");
        String pullbacks = notification + "/api/warnings?kind=PULLBACK_RECOMMENDED&size=1";
        long warningsPerCopy = api.get(pullbacks, Api.AUDITOR).get("totalItems").asLong();
        List<ConsumerRecord<String, String>> reviews = Topics.readAll(stack.bootstrapServers(), "aifund.review-events.v1");
        List<ConsumerRecord<String, String>> tranches = Topics.readAll(stack.bootstrapServers(), "aifund.tranche-events.v1");
        long perCopy = reviews.size() + tranches.size();
        if (perCopy == 0) {
            throw new IllegalStateException("no events to replay: run the replay after the approvals or the event path");
        }
        long copies = (events + perCopy - 1) / perCopy;
        long written = write(copies, Map.of(REVIEWS, reviews, TRANCHES, tranches));
        System.out.printf("[bench] replay: %,d events (%d copies of %,d review and %,d tranche events)%n", written,
                copies, reviews.size(), tranches.size());

        double kafkaSeconds = reviews.size() * copies / KafkaTools.consume(stack.bootstrapServers(), REVIEWS,
                reviews.size() * copies) + tranches.size() * copies / KafkaTools.consume(stack.bootstrapServers(),
                        TRANCHES, tranches.size() * copies);

        String group = "replay-" + UUID.randomUUID();
        stack.kill("notification-service");
        stack.withEnvironment("notification-service", "DB_JDBC_URL", stack.createDatabase("replay"))
                .withEnvironment("notification-service", "MP_MESSAGING_INCOMING_REVIEWS_TOPIC", REVIEWS)
                .withEnvironment("notification-service", "MP_MESSAGING_INCOMING_TRANCHES_TOPIC", TRANCHES)
                .withEnvironment("notification-service", "MP_MESSAGING_INCOMING_REVIEWS_GROUP_ID", group)
                .withEnvironment("notification-service", "MP_MESSAGING_INCOMING_TRANCHES_GROUP_ID", group)
                .withEnvironment("notification-service", "AIFUND_NOTIFICATION_RECOMMENDATION_TOPIC", "bench.replay.recommendations");
        stack.relaunch("notification-service");
        long t0 = System.nanoTime();
        try (Admin admin = Lag.admin(stack.bootstrapServers())) {
            long lag;
            while ((lag = Lag.of(admin, group)) > 0 || admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get().size() < 6) {
                Thread.sleep(250);
                if (System.nanoTime() - t0 > Duration.ofHours(1).toNanos()) {
                    throw new IllegalStateException("replay not done after an hour; " + lag + " events behind");
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long warnings = api.get(pullbacks, Api.AUDITOR).get("totalItems").asLong();
        if (warnings != warningsPerCopy * copies) {
            throw new IllegalStateException("the replay raised " + warnings + " pullback warnings, not "
                    + warningsPerCopy * copies + " (" + warningsPerCopy + " per copy)");
        }
        return new Result(written, seconds, written / kafkaSeconds, warnings, warningsPerCopy * copies);
    }

    /** Writes {@code copies} copies of the events, each copy's UUIDs turned into others of its own. */
    private long write(long copies, Map<String, List<ConsumerRecord<String, String>>> topics) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        long written = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (long copy = 0; copy < copies; copy++) {
                for (var topic : topics.entrySet()) {
                    for (ConsumerRecord<String, String> event : topic.getValue()) {
                        producer.send(new ProducerRecord<>(topic.getKey(), null, null, renamed(event.key(), copy),
                                renamed(event.value(), copy), event.headers()));
                        written++;
                    }
                }
            }
            producer.flush();
        }
        return written;
    }

    /** Every UUID in {@code text} turned into the copy's own, the same always into the same (variant bits kept). */
    static String renamed(String text, long copy) {
        if (text == null || copy == 0) {
            return text;
        }
        Matcher uuids = UUIDS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (uuids.find()) {
            UUID uuid = UUID.fromString(uuids.group());
            uuids.appendReplacement(out, new UUID(uuid.getMostSignificantBits(),
                    uuid.getLeastSignificantBits() ^ (copy * 0x9E3779B97F4A7C15L & 0x3FFF_FFFF_FFFF_FFFFL)).toString());
        }
        return uuids.appendTail(out).toString();
    }
}
