package jp.go.meti.aifund.infra.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.go.meti.aifund.infra.local.KafkaBrokerProcess;
import jp.go.meti.aifund.infra.local.TempDirs;

/**
 * A real Kafka broker for {@code @QuarkusTest}s, chosen in this order: the address in
 * {@code KAFKA_BOOTSTRAP_SERVERS}; a Testcontainers broker where a Docker engine runs; otherwise a
 * KRaft broker in a child JVM. One broker serves the whole test JVM, however often Quarkus restarts.
 * {@code AIFUND_TEST_KAFKA_IMAGE} replaces the stock {@code apache/kafka} container by an image of
 * the child-JVM broker (testing/testcontainers-test/build-images.sh), run on the host network with
 * {@code KAFKA_PORT} and {@code KAFKA_CONTROLLER_PORT}, for engines that cannot pull images.
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
            String image = System.getenv("AIFUND_TEST_KAFKA_IMAGE");
            if (image != null && !image.isBlank()) {
                return hostNetworkBroker(image);
            }
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

    @SuppressWarnings("resource") // stopped when the JVM exits
    private static String hostNetworkBroker(String image) {
        int port = freePort();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withNetworkMode("host")
                .withEnv("KAFKA_PORT", String.valueOf(port))
                .withEnv("KAFKA_CONTROLLER_PORT", String.valueOf(freePort()))
                .waitingFor(Wait.forLogMessage(".*KAFKA-BROKER-READY.*", 1)
                        .withStartupTimeout(java.time.Duration.ofSeconds(120)));
        container.start();
        System.out.println("[test-infra] Kafka from Testcontainers: " + image + " container "
                + container.getContainerId() + " at 127.0.0.1:" + port);
        return "127.0.0.1:" + port;
    }

    /** A port free on this host now, for a container on the host network. */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
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
