package jp.go.meti.aifund.loadtest;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A consumer group's lag, from the broker (Admin API): end offsets minus committed offsets. */
final class Lag {

    private Lag() {
    }

    static long of(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
        return committed.entrySet().stream().mapToLong(c -> ends.get(c.getKey()).offset()
                - (c.getValue() == null ? 0 : c.getValue().offset())).sum();
    }

    static Admin admin(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(config);
    }

    /** Waits until the group has consumed and committed everything on its topics. */
    static void awaitCaughtUp(String bootstrapServers, String group, Duration limit) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (of(admin, group) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(group + " still behind after " + limit);
                }
                Thread.sleep(200);
            }
        }
    }
}
