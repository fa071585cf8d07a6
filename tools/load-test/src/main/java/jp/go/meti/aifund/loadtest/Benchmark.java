package jp.go.meti.aifund.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.go.meti.aifund.infra.local.LocalStack;

/**
 * The performance harness ({@code tools/load-test/run.sh}): starts the system as the run command
 * does (on free ports, throw-away data), measures each figure next to the limit it is compared
 * with, measured in the same run on the same machine, and writes the table into
 * {@code docs/PERFORMANCE.md} between its result markers. A benchmark, not a test: it prints
 * figures and fails only when an invariant breaks under load.
 */
public final class Benchmark {

    private static final double READY_GOAL_SECONDS = 1.5;
    private static final double RSS_GOAL_MB = 200;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));

    private final Api api = new Api();
    private final LocalStack stack;
    private final Report report;

    private Benchmark(LocalStack stack, Report report) {
        this.stack = stack;
        this.report = report;
    }

    /**
     * All measurements, or those {@code bench.only} names (comma-separated: footprint, approvals,
     * events, replay, read), in which case the table is printed and docs/PERFORMANCE.md left as is.
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path data = root.resolve("tools/load-test/target/bench-data");
        Report report = new Report(root, RUN);
        String only = System.getProperty("bench.only", "");
        Predicate<String> selected = name -> only.isBlank() || List.of(only.split(",")).contains(name);
        try (LocalStack stack = LocalStack.onFreePorts(root, data)) {
            String profiled = System.getProperty("bench.profile", "");
            if (!profiled.isBlank()) { // a JFR recording of one service, to see what dominates
                stack.withEnvironment(profiled, "JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename="
                        + data.resolve(profiled + ".jfr") + ",settings=profile");
            }
            stack.start();
            Benchmark bench = new Benchmark(stack, report);
            if (selected.test("footprint")) {
                bench.footprint();
            }
            if (selected.test("approvals")) {
                for (int clients : new int[] {8, 64}) {
                    bench.approvals(clients);
                }
            }
            if (selected.test("events")) {
                bench.eventPath();
            }
            if (selected.test("replay")) {
                bench.replay();
            }
            if (selected.test("read")) {
                bench.readPath();
            }
        }
        if (only.isBlank()) {
            report.write(root.resolve("docs/PERFORMANCE.md"));
        }
        System.out.println(report.table());
    }

    /** 1. Ceiling-guarded writes: approvals over REST against the same transaction in pgbench. */
    private void approvals(int clients) throws Exception {
        String funding = stack.url("funding-service");
        String programme = api.post(funding + "/api/programmes", Api.ADMIN, null, Map.of("name", "Bench " + UUID.randomUUID(),
                "ceiling", 1_000_000_000_000L, "firstFiscalYear", 2026, "lastFiscalYear", 2030,
                "commissioningMinistry", "METI", "executingAgency", "NEDO")).get("id").asText();
        api.put(funding + "/api/programmes/" + programme + "/envelopes/2026", Api.ADMIN,
                Map.of("amount", 1_000_000_000_000L));
        String recipient = api.post(funding + "/api/programmes/" + programme + "/recipients", Api.ADMIN, null,
                Map.of("name", "Noetra", "role", "CONSORTIUM")).get("id").asText();
        int planned = (int) Math.min(40_000, RUN.toSeconds() * 1_500);
        ConcurrentLinkedQueue<String> tranches = new ConcurrentLinkedQueue<>();
        Concurrently.run(16, Duration.ofMinutes(3), () -> tranches.size() < planned, () -> tranches.add(api.post(funding
                + "/api/programmes/" + programme + "/tranches", Api.NEDO, UUID.randomUUID().toString(), Map.of(
                        "fiscalYear", 2026, "recipientId", recipient, "amount", 1_000)).get("id").asText()), null);

        Latencies latencies = new Latencies();
        AtomicLong rss = new AtomicLong();
        long started = System.nanoTime();
        Concurrently.run(clients, RUN, () -> !tranches.isEmpty(), () -> {
            String tranche = tranches.poll();
            if (tranche != null) {
                long t0 = System.nanoTime();
                api.post(funding + "/api/programmes/" + programme + "/tranches/" + tranche + "/approve", Api.METI,
                        UUID.randomUUID().toString(), Map.of());
                latencies.add(System.nanoTime() - t0);
            }
        }, () -> rss.set(rssKb("funding-service")));
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonNode totals = api.get(funding + "/api/programmes/" + programme, Api.AUDITOR);
        JsonNode chain = api.get(funding + "/api/programmes/" + programme + "/ledger/verification", Api.AUDITOR);
        long expected = latencies.count() * 1_000L;
        if (totals.get("committed").asLong() != expected || !chain.get("intact").asBoolean()) {
            throw new IllegalStateException("invariant broken under load: committed " + totals.get("committed")
                    + " for " + latencies.count() + " approvals of ¥1,000; ledger " + chain);
        }
        Pgbench.Result limit = new Pgbench(stack).approvals(clients, RUN);
        report.add("1. approvals, " + clients + " clients (requests/s)", latencies.count() / seconds, limit.tps(),
                "pgbench, the same transaction, " + clients + " clients");
        report.latency("1. approvals, " + clients + " clients: p50 / p99 latency (ms)", latencies.percentile(50),
                latencies.percentile(99), limit.p50(), limit.p99(), "pgbench, the same transaction");
        report.note("approvals with " + clients + " clients: " + latencies.count() + " approved in "
                + String.format("%.1f s", seconds) + ", invariants held (committed = ¥1,000 × approvals, ledger chain "
                + "intact); funding-service RSS under load " + rss.get() / 1024 + " MB");
        report.footprint("funding-service RSS under " + clients + " clients' approvals (MB)", rss.get() / 1024.0,
                RSS_GOAL_MB);
    }

    /** 2. The event path, review after review, against Kafka's own produce-to-consume latency on the same broker. */
    private void eventPath() throws Exception {
        int reviews = Integer.getInteger("bench.reviews", 1_000);
        EventPath.Result path = new EventPath(stack, api).measure(reviews);
        KafkaTools.Latency hop = KafkaTools.endToEnd(stack.bootstrapServers(), 1_000, 1_500);
        String oneHop = "Kafka EndToEndLatency, one hop (acks=all, 1.5 KB)";
        report.latency("2. review finalized → warning readable over REST: p50 / p99 (ms)", path.rest().percentile(50),
                path.rest().percentile(99), hop.p50(), hop.p99(), oneHop);
        report.latency("2. review finalized → warning pushed over SSE: p50 / p99 (ms)", path.sse().percentile(50),
                path.sse().percentile(99), hop.p50(), hop.p99(), oneHop);
        report.latency("2. review finalized → tranche ON_HOLD: p50 / p99 (ms)", path.hold().percentile(50),
                path.hold().percentile(99), 2 * hop.p50(), 2 * hop.p99(), "the same, two hops");
        report.note(String.format("event path over %d reviews, one at a time: p99 %.1f ms to the warning over REST "
                + "(goal 50 ms), %.1f ms over SSE, %.1f ms to the hold (goal 100 ms)", path.rest().count(),
                path.rest().percentile(99), path.sse().percentile(99), path.hold().percentile(99)));
        path.stages().forEach((stage, latencies) -> report.note(String.format("event path, %s: p50 / p99 %.1f / %.1f ms",
                stage, latencies.percentile(50), latencies.percentile(99))));
    }

    /**
     * 3. Replay of a million events by notification-service, against Kafka's ConsumerPerformance on
     * the same topics. It replaces notification-service (another database and group): after the event path.
     */
    private void replay() throws Exception {
        Replay.Result replay = new Replay(stack, api).measure(Long.getLong("bench.replay.events", 1_000_000));
        report.add("3. replay by notification-service (events/s)", replay.perSecond(), replay.kafkaPerSecond(),
                "Kafka ConsumerPerformance, the same topics");
        report.note(String.format("replay: %,d review and tranche events in %.1f s from ready to lag 0, "
                + "%,d pullback warnings raised as expected", replay.events(), replay.seconds(), replay.warnings()));
    }

    /** 4. The programme summary under wrk, against the bare authenticated endpoint of the same build. */
    private void readPath() throws Exception {
        String funding = stack.url("funding-service");
        JsonNode programmes = api.get(funding + "/api/programmes?size=1", Api.AUDITOR);
        String summary = funding + "/api/programmes/" + programmes.at("/items/0/id").asText();
        Wrk.Result read = Wrk.run(summary, Api.AUDITOR, RUN);
        Wrk.Result bare = Wrk.run(funding + "/api/me", Api.AUDITOR, RUN);
        report.add("4. programme summary (requests/s)", read.requestsPerSecond(), bare.requestsPerSecond(),
                "GET /api/me (same auth, JSON, no database), wrk 2 threads, 32 connections");
        report.note("read path p99: summary " + read.p99() + ", bare " + bare.p99());
    }

    /** 5. Start to ready (each service alone, after the others are up) and RSS at idle. */
    private void footprint() throws Exception {
        for (String service : List.of("funding-service", "milestone-service", "notification-service")) {
            stack.kill(service);
            long t0 = System.nanoTime();
            stack.relaunch(service);
            double ready = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(3_000);
            report.footprint(service + " start to ready (s)", ready, READY_GOAL_SECONDS);
            report.footprint(service + " RSS at idle (MB)", rssKb(service) / 1024.0, RSS_GOAL_MB);
        }
    }

    private long rssKb(String service) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + stack.pid(service) + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        return 0;
    }

}
