package jp.go.meti.aifund.infra.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.go.meti.aifund.infra.local.KafkaBrokerProcess;
import jp.go.meti.aifund.infra.local.TempDirs;

/**
 * A real Kafka broker for {@code @QuarkusTest}s, chosen in this order: the address in
 * {@code KAFKA_BOOTSTRAP_SERVERS}; a Testcontainers broker where a Docker engine runs; otherwise a
 * KRaft broker in a child JVM. One broker serves the whole test JVM, however often Quarkus restarts.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static String bootstrapServers;
    private static KafkaBrokerProcess childBroker;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the next Quarkus application of this JVM; the broker dies with the JVM
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = startBroker();
        }
        return bootstrapServers;
    }

    /** The child-JVM broker, for fault tests that stop and restart it; null when another one is used. */
    public static synchronized KafkaBrokerProcess childBroker() {
        bootstrapServers();
        return childBroker;
    }

    private static String startBroker() {
        String explicit = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
            container.start();
            return container.getBootstrapServers();
        }
        try {
            Path dataDir = Files.createTempDirectory("aifund-test-kafka-");
            childBroker = KafkaBrokerProcess.start(dataDir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                childBroker.close();
                TempDirs.delete(dataDir);
            }));
            return childBroker.bootstrapServers();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean dockerAvailable() {
        boolean dockerEndpoint = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!dockerEndpoint || Boolean.getBoolean("aifund.tests.no-docker")) {
            return false; // no engine to ask: skip Testcontainers' noisy probe
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
