package jp.go.meti.aifund.infra.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process).
 *
 * <p>Usage: {@code KraftBroker <broker-port> <controller-port> <data-dir>}. It formats the data
 * directory on first use (so a restart keeps the topics and their messages), prints
 * {@value #READY_MARKER} once a client can reach it, and exits when its standard input closes,
 * so it never outlives the process that started it.
 */
public final class KraftBroker {

    public static final String READY_MARKER = "KAFKA-BROKER-READY";
    private static final String CLUSTER_ID = "aifund-local-kraft01"; // 22 chars, base64-url safe

    private KraftBroker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: KraftBroker <broker-port> <controller-port> <data-dir>");
            System.exit(2);
        }
        int brokerPort = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        Path dataDir = Path.of(args[2]).toAbsolutePath();
        Path logDir = dataDir.resolve("kraft-logs");
        Files.createDirectories(logDir);

        Path config = dataDir.resolve("server.properties");
        writeConfig(config, brokerPort, controllerPort, logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", CLUSTER_ID, "-c", config.toString(), "--ignore-formatted"},
                    new PrintStream(System.err, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                System.err.println("formatting " + logDir + " failed: " + rc);
                System.exit(rc);
            }
        }

        Thread server = new Thread(() -> kafka.Kafka.main(new String[] {config.toString()}), "kafka-main");
        server.setDaemon(true);
        server.start();
        awaitReachable("127.0.0.1:" + brokerPort);
        System.out.println(READY_MARKER + " 127.0.0.1:" + brokerPort);
        System.out.flush();

        exitWhenStdinCloses(System.in);
    }

    private static void writeConfig(Path file, int brokerPort, int controllerPort, Path logDir) throws IOException {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "3"),
                // A single node: every internal topic must accept one replica, or consumers hang.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("message.max.bytes", "1048588"),
                Map.entry("log.segment.bytes", String.valueOf(64 * 1024 * 1024))));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "written by KraftBroker; rewritten on every start");
        }
    }

    private static void awaitReachable(String bootstrap) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        while (System.nanoTime() < deadline) {
            try (Admin admin = Admin.create(props)) {
                if (!admin.describeCluster().nodes().get().isEmpty()) {
                    return;
                }
            } catch (Exception notYet) {
                Thread.sleep(200);
            }
        }
        System.err.println("broker not reachable at " + bootstrap + " within 60 s");
        System.exit(1);
    }

    private static void exitWhenStdinCloses(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // the parent never writes; reading only detects that it has gone
        }
        System.exit(0); // runs Kafka's shutdown hook: a clean, controlled shutdown
    }
}
