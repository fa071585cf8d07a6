package jp.go.meti.aifund.funding.trust;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import jp.go.meti.aifund.funding.support.FundingApi;
import jp.go.meti.aifund.infra.testing.OpenApiConformance;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * At least 10,000 random operations from many clients against the running service over REST
 * (plan, approve, disburse, hold, release, reduce, cancel, recover; retries of the same
 * Idempotency-Key, at once or later; requests that must fail), while a reader checks the ceiling
 * and envelope invariants at every read. Then the ledger is replayed through a single-threaded
 * {@link ReferenceModel}: every entry must be legal there, land on the amounts the entry records,
 * and the final tranches must be the service's; no accepted request may have acted twice.
 * The seed is printed; {@code -Dworkload.seed=N} replays one.
 */
@QuarkusTest
class ModelCheckedWorkloadTest {

    private static final int CLIENTS = 8;
    private static final int REQUESTS = 10_000;
    private static final long CEILING = 3_000_000;
    private static final Map<Integer, Long> ENVELOPES = Map.of(2026, 2_000_000L, 2027, 1_000_000L);

    private record Sent(String key, int status, String body) {
    }

    @Test
    void randomConcurrentOperationsMatchASingleThreadedModel() throws Exception {
        long seed = Long.getLong("workload.seed", System.nanoTime());
        String programme = programme(CEILING);
        ENVELOPES.forEach((fy, amount) -> envelope(programme, fy, amount));
        meti().body(Map.of("reason", "workload")).post("/api/programmes/{p}/envelopes/2027/gate-override", programme)
                .then().statusCode(200);
        String recipient = consortium(programme);

        List<String> tranches = new CopyOnWriteArrayList<>();
        Map<String, List<Sent>> byKey = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        int[] reads = new int[1];
        List<String> violations = new CopyOnWriteArrayList<>();
        // thousands of the operations the REST tests check against the OpenAPI document: not checked again
        try (AutoCloseable unchecked = OpenApiConformance.paused()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            Future<?> reader = pool.submit(() -> {
                while (running.get()) {
                    Map<String, Object> t = programmeTotals(programme);
                    long outstanding = num(t, "committed") + num(t, "disbursed") - num(t, "recovered");
                    if (outstanding > CEILING || num(t, "planned") > CEILING || num(t, "headroom") < 0) {
                        violations.add("programme " + t);
                    }
                    List<Map<String, Object>> envelopes = admin().get("/api/programmes/{p}/envelopes", programme).then()
                            .extract().jsonPath().getList("items");
                    for (Map<String, Object> e : envelopes) {
                        if (num(e, "committed") + num(e, "disbursed") - num(e, "recovered") > num(e, "amount")
                                || num(e, "headroom") < 0) {
                            violations.add("envelope " + e);
                        }
                    }
                    reads[0]++;
                }
            });
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(seed + c);
                clients.add(pool.submit(() -> {
                    while (sent.get() < REQUESTS) {
                        operate(random, programme, recipient, tranches, byKey, sent);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(10, TimeUnit.MINUTES);
            }
            running.set(false);
            reader.get(1, TimeUnit.MINUTES);
            pool.shutdown();
        }

        // every answer to one key is the first answer
        int doubled = 0;
        for (List<Sent> answers : byKey.values()) {
            Sent first = answers.get(0);
            for (Sent again : answers) {
                if (first.status() / 100 == 2 && (again.status() != first.status() || !again.body().equals(first.body()))) {
                    doubled++;
                }
            }
        }
        // the ledger, replayed through the model
        List<Map<String, Object>> ledger = ledger(programme);
        ReferenceModel model = new ReferenceModel(CEILING);
        Map<String, Integer> entriesPerKey = new HashMap<>();
        for (Map<String, Object> e : ledger) {
            model.apply((String) e.get("kind"), (String) e.get("trancheId"), (Integer) e.get("fiscalYear"),
                    ((Number) e.get("amount")).longValue());
            @SuppressWarnings("unchecked")
            Map<String, Object> after = (Map<String, Object>) e.get("after");
            assertThat(List.of(num(after, "planned"), num(after, "committed"), num(after, "disbursed"),
                    num(after, "recovered"))).as("balances after entry %s", e.get("id"))
                    .containsExactly(model.planned(), model.committed, model.disbursed, model.recovered);
            if (e.get("idempotencyKey") != null) {
                entriesPerKey.merge((String) e.get("idempotencyKey"), 1, Integer::sum);
            }
        }
        long accepted = byKey.values().stream().filter(a -> a.stream().anyMatch(s -> s.status() / 100 == 2)).count();
        long actedTwice = entriesPerKey.values().stream().filter(n -> n > 1).count();
        Map<Integer, Long> statuses = new HashMap<>();
        byKey.values().forEach(a -> a.forEach(s -> statuses.merge(s.status(), 1L, Long::sum)));
        System.out.printf("model-checked workload: seed %d, %d requests from %d clients (%d keys, %d accepted), "
                + "statuses %s, %d ledger entries replayed, %d invariant reads, %d violations, %d answers differing "
                + "for one key, %d keys acting twice%n", seed, sent.get(), CLIENTS, byKey.size(), accepted, statuses,
                ledger.size(), reads[0], violations.size(), doubled, actedTwice);

        assertThat(sent.get()).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(violations).as("invariant violations seen by the reader").isEmpty();
        assertThat(doubled).as("retries answered differently").isZero();
        assertThat(actedTwice).as("keys with more than one ledger entry").isZero();
        assertThat(entriesPerKey.keySet()).as("every accepted request has its one entry")
                .hasSize((int) accepted);
        assertThat(statuses.keySet()).allMatch(s -> s < 500);
        for (Map<String, Object> t : trancheList(programme)) {
            ReferenceModel.Tranche m = model.tranches.get((String) t.get("id"));
            assertThat(List.of(t.get("state"), num(t, "amount"), num(t, "recoveredAmount")))
                    .as("tranche %s", t.get("id")).containsExactly(m.state, m.amount, m.recovered);
        }
        Map<String, Object> totals = programmeTotals(programme);
        assertThat(List.of(num(totals, "committed"), num(totals, "disbursed"), num(totals, "recovered")))
                .containsExactly(model.committed, model.disbursed, model.recovered);
    }

    /** One random request (sometimes retried with its key, at once or in parallel), recorded by key. */
    private static void operate(Random random, String programme, String recipient, List<String> tranches,
            Map<String, List<Sent>> byKey, AtomicInteger sent) throws Exception {
        String key = key();
        String tranche = tranches.isEmpty() ? null : tranches.get(random.nextInt(tranches.size()));
        int dice = random.nextInt(100);
        Request request;
        if (tranche == null || dice < 18) {
            int fy = random.nextBoolean() ? 2026 : 2027;
            long amount = random.nextInt(20) == 0 ? CEILING * 2 : 1 + random.nextInt(150_000);
            request = new Request(FundingApi::nedo, "/api/programmes/" + programme + "/tranches",
                    Map.of("fiscalYear", fy, "recipientId", recipient, "amount", amount));
        } else {
            String base = "/api/programmes/" + programme + "/tranches/" + tranche + "/";
            request = switch (dice / 10) {
                case 1, 2 -> new Request(FundingApi::meti, base + "approve", Map.of());
                case 3 -> new Request(FundingApi::nedo, base + "disburse", Map.of());
                case 4 -> new Request(ModelCheckedWorkloadTest::meti2, base + "hold", Map.of("reason", "check"));
                case 5 -> new Request(ModelCheckedWorkloadTest::meti2, base + "release", Map.of("reason", "ok"));
                case 6 -> new Request(ModelCheckedWorkloadTest::meti2, base + "reduce",
                        Map.of("newAmount", 1 + random.nextInt(100_000), "reason", "cut"));
                case 7 -> new Request(ModelCheckedWorkloadTest::meti2, base + "cancel", Map.of("reason", "drop"));
                default -> new Request(ModelCheckedWorkloadTest::meti2, base + "recover",
                        Map.of("amount", 1 + random.nextInt(50_000), "reason", "clawback"));
            };
        }
        int copies = random.nextInt(10) == 0 ? 2 : 1; // a duplicated request: the same key, twice at once
        List<Thread> parallel = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            Thread t = new Thread(() -> record(request.send(key), key, byKey, tranches, request));
            parallel.add(t);
            t.start();
            sent.incrementAndGet();
        }
        for (Thread t : parallel) {
            t.join();
        }
        if (random.nextInt(10) == 0) { // a retry later, as after a lost answer
            record(request.send(key), key, byKey, tranches, request);
            sent.incrementAndGet();
        }
    }

    /** A request to send (and maybe resend): a fresh specification each time, as they are not thread-safe. */
    private record Request(Supplier<RequestSpecification> who, String path, Map<String, ?> body) {

        Response send(String key) {
            return who.get().header("Idempotency-Key", key).body(body).post(path);
        }
    }

    private static RequestSpecification meti2() {
        return as(METI_2, Roles.METI_OFFICIAL);
    }

    private static void record(Response r, String key, Map<String, List<Sent>> byKey, List<String> tranches,
            Request request) {
        String body = r.asString();
        byKey.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(new Sent(key, r.statusCode(), body));
        if (r.statusCode() == 201 && request.path().endsWith("/tranches")) {
            String id = r.jsonPath().getString("id");
            if (!tranches.contains(id)) {
                tranches.add(id);
            }
        }
    }

    private static List<Map<String, Object>> ledger(String programme) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            List<Map<String, Object>> items = as(AUDITOR, Roles.AUDITOR)
                    .get("/api/programmes/{p}/ledger?size=200&page=" + page, programme).then().statusCode(200)
                    .extract().jsonPath().getList("items");
            all.addAll(items);
            if (items.size() < 200) {
                return all;
            }
        }
    }

    private static List<Map<String, Object>> trancheList(String programme) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            List<Map<String, Object>> items = admin().get("/api/programmes/{p}/tranches?size=200&page=" + page, programme)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            all.addAll(items);
            if (items.size() < 200) {
                return all;
            }
        }
    }

    private static long num(Map<String, Object> map, String field) {
        return ((Number) map.get(field)).longValue();
    }
}
