package jp.go.meti.aifund.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.go.meti.aifund.infra.local.DevTokens;
import jp.go.meti.aifund.infra.local.LocalStack;
import jp.go.meti.aifund.infra.local.PostgresServer;

/**
 * The performance harness ({@code deploy/load-test/run.sh}): starts the system as the run command
 * does (on free ports, throw-away data), measures each figure next to the limit it is compared
 * with, measured in the same run on the same machine, and writes the table into
 * {@code docs/PERFORMANCE.md} between its result markers. A benchmark, not a test: it prints
 * figures and fails only when an invariant breaks under load.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    private static final DevTokens TOKENS = new DevTokens();
    private static final String METI = TOKENS.mint("meti.suzuki", "meti-official", Duration.ofHours(2));
    private static final String NEDO = TOKENS.mint("nedo.tanaka", "nedo-officer", Duration.ofHours(2));
    private static final String ADMIN = TOKENS.mint("admin.sato", "programme-admin", Duration.ofHours(2));
    private static final String AUDITOR = TOKENS.mint("auditor.ito", "auditor", Duration.ofHours(2));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4, work -> {
                Thread thread = new Thread(work, "bench-http");
                thread.setDaemon(true); // the harness ends when the report is written
                return thread;
            })).build();
    private final LocalStack stack;
    private final Report report;

    private Benchmark(LocalStack stack, Report report) {
        this.stack = stack;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path data = root.resolve("deploy/load-test/target/bench-data");
        Report report = new Report(root);
        try (LocalStack stack = LocalStack.onFreePorts(root, data)) {
            if (Boolean.getBoolean("bench.profile")) { // JFR of funding-service, to see what dominates
                stack.withEnvironment("funding-service", "JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename="
                        + data.resolve("funding-service.jfr") + ",settings=profile");
            }
            stack.start();
            Benchmark bench = new Benchmark(stack, report);
            bench.footprint();
            for (int clients : new int[] {8, 64}) {
                bench.approvals(clients);
            }
            bench.readPath();
        }
        report.write(root.resolve("docs/PERFORMANCE.md"));
        System.out.println(report.table());
    }

    /** 1. Ceiling-guarded writes: approvals over REST against the same transaction in pgbench. */
    private void approvals(int clients) throws Exception {
        String funding = stack.url("funding-service");
        String programme = post(funding + "/api/programmes", ADMIN, null, Map.of("name", "Bench " + UUID.randomUUID(),
                "ceiling", 1_000_000_000_000L, "firstFiscalYear", 2026, "lastFiscalYear", 2030,
                "commissioningMinistry", "METI", "executingAgency", "NEDO")).get("id").asText();
        request("PUT", funding + "/api/programmes/" + programme + "/envelopes/2026", ADMIN, null,
                Map.of("amount", 1_000_000_000_000L));
        String recipient = post(funding + "/api/programmes/" + programme + "/recipients", ADMIN, null,
                Map.of("name", "Noetra", "role", "CONSORTIUM")).get("id").asText();
        int planned = (int) Math.min(40_000, RUN.toSeconds() * 1_500);
        ConcurrentLinkedQueue<String> tranches = new ConcurrentLinkedQueue<>();
        concurrently(16, Duration.ofMinutes(3), () -> tranches.size() < planned, () -> tranches.add(post(funding
                + "/api/programmes/" + programme + "/tranches", NEDO, UUID.randomUUID().toString(), Map.of(
                        "fiscalYear", 2026, "recipientId", recipient, "amount", 1_000)).get("id").asText()), null);

        Latencies latencies = new Latencies();
        AtomicLong rss = new AtomicLong();
        long started = System.nanoTime();
        concurrently(clients, RUN, () -> !tranches.isEmpty(), () -> {
            String tranche = tranches.poll();
            if (tranche != null) {
                long t0 = System.nanoTime();
                post(funding + "/api/programmes/" + programme + "/tranches/" + tranche + "/approve", METI,
                        UUID.randomUUID().toString(), Map.of());
                latencies.add(System.nanoTime() - t0);
            }
        }, () -> rss.set(rssKb("funding-service")));
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonNode totals = get(funding + "/api/programmes/" + programme, AUDITOR);
        JsonNode chain = get(funding + "/api/programmes/" + programme + "/ledger/verification", AUDITOR);
        long expected = latencies.count() * 1_000L;
        if (totals.get("committed").asLong() != expected || !chain.get("intact").asBoolean()) {
            throw new IllegalStateException("invariant broken under load: committed " + totals.get("committed")
                    + " for " + latencies.count() + " approvals of ¥1,000; ledger " + chain);
        }
        Pgbench.Result limit = new Pgbench(stack).approvals(clients, RUN);
        report.add("1. approvals, " + clients + " clients (requests/s)", latencies.count() / seconds, limit.tps(),
                "pgbench, the same transaction, " + clients + " clients");
        report.latency("1. approvals, " + clients + " clients: p50 / p99 latency (ms)", latencies.percentile(50),
                latencies.percentile(99), limit.p50(), limit.p99());
        report.note("approvals with " + clients + " clients: " + latencies.count() + " approved in "
                + String.format("%.1f s", seconds) + ", invariants held (committed = ¥1,000 × approvals, ledger chain "
                + "intact); funding-service RSS under load " + rss.get() / 1024 + " MB");
        report.footprint("funding-service RSS under " + clients + " clients' approvals (MB)", rss.get() / 1024.0);
    }

    /** 4. The programme summary under wrk, against the bare authenticated endpoint of the same build. */
    private void readPath() throws Exception {
        String funding = stack.url("funding-service");
        JsonNode programmes = get(funding + "/api/programmes?size=1", AUDITOR);
        String summary = funding + "/api/programmes/" + programmes.at("/items/0/id").asText();
        Wrk.Result read = Wrk.run(summary, AUDITOR, RUN);
        Wrk.Result bare = Wrk.run(funding + "/api/me", AUDITOR, RUN);
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
            report.footprint(service + " start to ready (s)", ready);
            report.footprint(service + " RSS at idle (MB)", rssKb(service) / 1024.0);
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

    /** Runs {@code work} on {@code clients} threads while {@code more} holds, for at most {@code limit}. */
    private static void concurrently(int clients, Duration limit, java.util.function.BooleanSupplier more,
            Checked work, Runnable midway) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + limit.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end && more.getAsBoolean()) {
                    work.run();
                }
                return null;
            }));
        }
        if (midway != null) {
            Thread.sleep(limit.toMillis() / 2);
            midway.run();
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    @FunctionalInterface
    interface Checked {
        void run() throws Exception;
    }

    private JsonNode get(String url, String token) throws Exception {
        return request("GET", url, token, null, null);
    }

    private JsonNode post(String url, String token, String idempotencyKey, Object body) throws Exception {
        return request("POST", url, token, idempotencyKey, body);
    }

    private JsonNode request(String method, String url, String token, String idempotencyKey, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Latencies in nanoseconds; percentiles in milliseconds. */
    static final class Latencies {
        private final ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();

        void add(long nanos) {
            values.add(nanos);
        }

        long count() {
            return values.size();
        }

        double percentile(int p) {
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(null);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
        }
    }

    /** pgbench on the stack's PostgreSQL: the approval's statements, in a database of their own. */
    static final class Pgbench {

        record Result(double tps, double p50, double p99) {
        }

        private static final String SCHEMA = """
                DROP TABLE IF EXISTS programme, envelope, tranche, idempotency_key, ledger_entry, outbox_event;
                CREATE TABLE programme (id INT PRIMARY KEY, ceiling BIGINT NOT NULL, committed BIGINT NOT NULL);
                CREATE TABLE envelope (programme_id INT, fiscal_year INT, amount BIGINT, committed BIGINT,
                    PRIMARY KEY (programme_id, fiscal_year));
                CREATE TABLE tranche (id BIGINT PRIMARY KEY, programme_id INT, state TEXT, amount BIGINT,
                    approved_by TEXT, updated_at TIMESTAMPTZ);
                CREATE TABLE idempotency_key (actor TEXT, key TEXT, response TEXT, PRIMARY KEY (actor, key));
                CREATE TABLE ledger_entry (id BIGSERIAL PRIMARY KEY, programme_id INT, tranche_id BIGINT, kind TEXT,
                    amount BIGINT, actor TEXT, reason TEXT, recorded_at TIMESTAMPTZ, previous_hash TEXT, hash TEXT);
                CREATE INDEX ledger_by_programme ON ledger_entry (programme_id, id);
                CREATE TABLE outbox_event (seq BIGSERIAL PRIMARY KEY, id UUID, topic TEXT, message_key TEXT, type TEXT,
                    payload TEXT, created_at TIMESTAMPTZ, published_at TIMESTAMPTZ);
                INSERT INTO programme VALUES (1, 1000000000000, 0);
                INSERT INTO envelope VALUES (1, 2026, 1000000000000, 0);
                INSERT INTO tranche SELECT g, 1, 'PLANNED', 1000, NULL, now() FROM generate_series(1, 1000000) g;
                """;

        /** What an approval does in the service, statement for statement. */
        private static final String APPROVAL = """
                \\set t random(1, 1000000)
                BEGIN;
                INSERT INTO idempotency_key VALUES ('meti.suzuki', gen_random_uuid()::text, '{}');
                SELECT ceiling, committed FROM programme WHERE id = 1 FOR UPDATE;
                SELECT * FROM tranche WHERE id = :t;
                SELECT amount, committed FROM envelope WHERE programme_id = 1 AND fiscal_year = 2026;
                SELECT hash FROM ledger_entry WHERE programme_id = 1 ORDER BY id DESC LIMIT 1;
                UPDATE tranche SET state = 'APPROVED', approved_by = 'meti.suzuki', updated_at = now() WHERE id = :t;
                UPDATE envelope SET committed = committed + 1000 WHERE programme_id = 1 AND fiscal_year = 2026;
                UPDATE programme SET committed = committed + 1000 WHERE id = 1;
                INSERT INTO ledger_entry (programme_id, tranche_id, kind, amount, actor, reason, recorded_at, previous_hash, hash) VALUES (1, :t, 'TRANCHE_APPROVED', 1000, 'meti.suzuki', 'approved', now(), md5(random()::text), md5(random()::text));
                INSERT INTO outbox_event (id, topic, message_key, type, payload, created_at) VALUES (gen_random_uuid(), 'aifund.tranche-events.v1', '1', 'jp.go.meti.aifund.tranche.approved.v1', repeat('x', 1500), now());
                END;
                """;

        private final LocalStack stack;

        Pgbench(LocalStack stack) {
            this.stack = stack;
        }

        Result approvals(int clients, Duration run) throws Exception {
            String url = stack.createDatabase("bench");
            try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, ""); Statement s = c.createStatement()) {
                s.execute(SCHEMA);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the pgbench schema", e);
            }
            Path dir = Files.createTempDirectory("pgbench");
            Path script = Files.writeString(dir.resolve("approval.sql"), APPROVAL);
            Process pgbench = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-p", String.valueOf(stack.postgresPort()),
                    "-U", PostgresServer.USER, "-n", "-c", String.valueOf(clients), "-j", "2", "-T",
                    String.valueOf(run.toSeconds()), "-M", "prepared", "-l", "--log-prefix", dir.resolve("tx").toString(),
                    "-f", script.toString(), "bench").redirectErrorStream(true).start();
            String out = new String(pgbench.getInputStream().readAllBytes());
            if (pgbench.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed:\n" + out);
            }
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
            if (!tps.find()) {
                throw new IllegalStateException("no tps in pgbench's output:\n" + out);
            }
            Latencies latencies = new Latencies();
            try (var logs = Files.list(dir)) {
                for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("tx")).toList()) {
                    for (String line : Files.readAllLines(log)) {
                        latencies.add(Long.parseLong(line.split(" ")[2]) * 1_000);
                    }
                }
            }
            return new Result(Double.parseDouble(tps.group(1)), latencies.percentile(50), latencies.percentile(99));
        }
    }

    /** wrk (Debian package) against one URL. */
    static final class Wrk {

        record Result(double requestsPerSecond, String p99) {
        }

        static Result run(String url, String token, Duration run) throws Exception {
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + run.toSeconds() + "s", "--latency", "-H",
                    "Authorization: Bearer " + token, url).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes());
            if (wrk.waitFor() != 0 || out.contains("Non-2xx")) {
                throw new IllegalStateException("wrk failed or got errors:\n" + out);
            }
            Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
            Matcher p99 = Pattern.compile("99%\\s+(\\S+)").matcher(out);
            if (!rps.find() || !p99.find()) {
                throw new IllegalStateException("unexpected wrk output:\n" + out);
            }
            return new Result(Double.parseDouble(rps.group(1)), p99.group(1));
        }
    }

    /** The figures, each with its limit, and the machine they were measured on. */
    static final class Report {

        private final Path root;
        private final List<String> rows = new ArrayList<>();
        private final List<String> footprint = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Report(Path root) {
            this.root = root;
        }

        void add(String figure, double value, double limit, String limitIs) {
            rows.add(String.format("| %s | %,.1f | %,.1f | %s | **%.0f %%** |", figure, value, limit, limitIs,
                    100 * value / limit));
        }

        /** Latency: the ratio is the limit's p99 over the measured p99 (higher is better, as for throughput). */
        void latency(String figure, double p50, double p99, double limitP50, double limitP99) {
            rows.add(String.format("| %s | %.1f / %.1f | %.1f / %.1f | pgbench, the same transaction | **%.0f %%** |",
                    figure, p50, p99, limitP50, limitP99, 100 * limitP99 / p99));
        }

        void footprint(String figure, double value) {
            footprint.add(String.format("| %s | %,.1f |", figure, value));
        }

        void note(String note) {
            notes.add("- " + note);
            System.out.println("[bench] " + note);
        }

        String table() {
            return String.join("\n", List.of(
                    "Measured " + LocalDate.now() + " at commit `" + git("rev-parse", "--short", "HEAD") + "` on "
                            + Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", JDK "
                            + System.getProperty("java.version") + ", by `deploy/load-test/run.sh` ("
                            + RUN.toSeconds() + " s per measurement).",
                    "",
                    "| figure | measured | limit | the limit is | ratio |",
                    "|---|---|---|---|---|",
                    String.join("\n", rows),
                    "",
                    "| footprint (JVM mode) | measured |",
                    "|---|---|",
                    String.join("\n", footprint),
                    "",
                    String.join("\n", notes)));
        }

        void write(Path file) throws IOException {
            String begin = "<!-- results: written by deploy/load-test/run.sh -->";
            String end = "<!-- /results -->";
            String text = Files.exists(file) ? Files.readString(file) : "# Performance\n\n" + begin + "\n" + end + "\n";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            Files.writeString(file, text.substring(0, from + begin.length()) + "\n" + table() + "\n" + text.substring(to));
        }

        private String git(String... args) {
            try {
                List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
                command.addAll(List.of(args));
                Process git = new ProcessBuilder(command).start();
                return new String(git.getInputStream().readAllBytes()).trim();
            } catch (IOException e) {
                return "unknown";
            }
        }

        private static String memory() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemTotal:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB";
                    }
                }
            } catch (IOException unknown) {
                // not Linux
            }
            return "unknown memory";
        }
    }
}
