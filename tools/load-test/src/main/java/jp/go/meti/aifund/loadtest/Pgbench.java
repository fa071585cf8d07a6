package jp.go.meti.aifund.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.go.meti.aifund.infra.local.LocalStack;
import jp.go.meti.aifund.infra.local.PostgresServer;

/** pgbench on the stack's PostgreSQL: the approval's statements, in a database of their own. */
final class Pgbench {

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
