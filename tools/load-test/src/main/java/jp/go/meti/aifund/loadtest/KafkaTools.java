package jp.go.meti.aifund.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.go.meti.aifund.infra.broker.BrokerClasspath;

/** Kafka's own measuring tools, run as the broker runs: a child JVM on the broker's classpath. */
final class KafkaTools {

    /** Produce-to-consume latency of one hop (acks=all), in milliseconds. */
    record Latency(double p50, double p99) {
    }

    private KafkaTools() {
    }

    /** {@code EndToEndLatency}: one message at a time, sent and consumed back, on a topic of its own. */
    static Latency endToEnd(String bootstrapServers, int messages, int size) throws Exception {
        String out = run(List.of("org.apache.kafka.tools.EndToEndLatency", bootstrapServers, "bench.end-to-end",
                String.valueOf(messages), "all", String.valueOf(size)));
        Matcher percentiles = Pattern.compile("50th = ([0-9.]+), 99th = ([0-9.]+)").matcher(out);
        if (!percentiles.find()) {
            throw new IllegalStateException("no percentiles in EndToEndLatency's output:\n" + out);
        }
        return new Latency(Double.parseDouble(percentiles.group(1)), Double.parseDouble(percentiles.group(2)));
    }

    /**
     * {@code ConsumerPerformance}: a fresh group reads {@code messages} from {@code topic}; returns
     * the messages per second of its fetching (the time to join the group left out).
     */
    static double consume(String bootstrapServers, String topic, long messages) throws Exception {
        String out = run(List.of("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrapServers,
                "--topic", topic, "--messages", String.valueOf(messages), "--group", "bench-perf-" + System.nanoTime(),
                "--timeout", "60000"));
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
        // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
        String[] lines = out.strip().split("\n");
        String[] figures = lines[lines.length - 1].split(",\\s*");
        if (figures.length < 10 || Long.parseLong(figures[4]) < messages) {
            throw new IllegalStateException("ConsumerPerformance did not read " + messages + " messages:\n" + out);
        }
        return Double.parseDouble(figures[9]);
    }

    private static String run(List<String> arguments) throws Exception {
        Path log = Files.createTempFile("kafka-tool", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", BrokerClasspath.get()));
        command.addAll(arguments);
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = tool.waitFor();
        String out = Files.readString(log);
        Files.delete(log);
        if (exit != 0) {
            throw new IllegalStateException(arguments.get(0) + " failed:\n" + out);
        }
        return out;
    }
}
