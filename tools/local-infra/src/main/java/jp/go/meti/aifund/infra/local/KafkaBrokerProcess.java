package jp.go.meti.aifund.infra.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jp.go.meti.aifund.infra.broker.BrokerClasspath;
import jp.go.meti.aifund.infra.broker.KraftBroker;

/**
 * A real Apache Kafka broker (KRaft) in a child JVM with its own classpath. The child exits when
 * this process goes away (its standard input closes), so no broker is ever left behind.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private Process process;

    private KafkaBrokerProcess(Path dataDir, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker keeping its data in {@code dataDir}; {@code port} 0 picks a free one. */
    public static KafkaBrokerProcess start(Path dataDir, int port) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir, port == 0 ? FreePort.find() : port, FreePort.find());
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Starts the broker again on the same ports and data, e.g. after {@link #stop()} in a fault test. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms128m", "-Xmx512m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dlog4j2.level=WARN",
                    "-cp", BrokerClasspath.get(), BrokerClasspath.mainClass(),
                    String.valueOf(brokerPort), String.valueOf(controllerPort), dataDir.toString()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()));
            process = builder.start();
            awaitReady(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
    }

    private void awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null;) {
                    if (line.startsWith(KraftBroker.READY_MARKER)) {
                        drainInBackground(out);
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            if (!ready.get(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Kafka broker exited before it was ready; see " + dataDir.resolve("broker.log"));
            }
        } catch (Exception e) {
            child.destroyForcibly();
            throw new IllegalStateException("Kafka broker did not become ready; see " + dataDir.resolve("broker.log"), e);
        }
    }

    private static void drainInBackground(BufferedReader out) {
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // Kafka writes its log to stderr; stdout carries only the ready marker
                }
            } catch (IOException ignored) {
                // the broker has gone
            }
        }, "kafka-broker-stdout");
        drain.setDaemon(true);
        drain.start();
    }

    /** Stops the broker cleanly (closing its standard input), keeping its data. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
