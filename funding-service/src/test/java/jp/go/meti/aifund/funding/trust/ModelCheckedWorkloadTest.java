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
 * Idempotency-Key, at once or later; requests that must fail; and, among them, the budget year's
 * decisions: carry-overs from FY2025 to FY2026 of money and of named tranches, ceiling amendments
 * up and down, re-appropriations of returned money, closes of FY2025 and, now and then near the
 * end, a termination, each four eyes), while a reader checks the ceiling and envelope invariants
 * at every read. Afterwards what is still approved in FY2025 is carried over and the year closed
 * (unless the programme was terminated), and the year-end report must add up. Then the ledger is replayed through a single-threaded
 * {@link ReferenceModel}: every entry must be legal there, land on the amounts the entry records,
 * and the final tranches must be the service's; no accepted request may have acted twice.
 * The seed is printed; {@code -Dworkload.seed=N} replays one.
 */
@QuarkusTest
class ModelCheckedWorkloadTest {

    private static final int CLIENTS = 8;
    private static final int REQUESTS = 10_000;
    private static final long CEILING = 3_000_000;
    private static final Map<Integer, Long> ENVELOPES = Map.of(2025, 2_000_000L, 2026, 1_000_000L);

    private record Sent(String key, int status, String body) {
    }

    @Test
    void randomConcurrentOperationsMatchASingleThreadedModel() throws Exception {
        long seed = Long.getLong("workload.seed", System.nanoTime());
        // FY2025–FY2027: FY2025 has ended, so it can be closed
        String programme = admin().body(Map.of("name", "Workload " + seed + " " + java.util.UUID.randomUUID(),
                "ceiling", CEILING, "firstFiscalYear", 2025, "lastFiscalYear", 2027, "commissioningMinistry", "METI",
                "executingAgency", "NEDO")).post("/api/programmes").then().statusCode(201).extract().<String>path("id");
        ENVELOPES.forEach((fy, amount) -> envelope(programme, fy, amount));
        meti().body(Map.of("reason", "workload")).post("/api/programmes/{p}/envelopes/2026/gate-override", programme)
                .then().statusCode(200);
        String recipient = consortium(programme);

        List<String> tranches = new CopyOnWriteArrayList<>();
        Map<String, List<Sent>> byKey = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        int[] reads = new int[1];
        List<String> violations = new CopyOnWriteArrayList<>();
        Map<String, Integer> decided = new ConcurrentHashMap<>(); // budget decisions and closes: outcome → count
        // thousands of the operations the REST tests check against the OpenAPI document: not checked again
        try (AutoCloseable unchecked = OpenApiConformance.paused()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            Future<?> reader = pool.submit(() -> {
                while (running.get()) {
                    Map<String, Object> t = programmeTotals(programme);
                    long outstanding = num(t, "committed") + num(t, "disbursed") - num(t, "reappropriated");
                    long ceiling = num(t, "ceiling");
                    if (outstanding > ceiling || num(t, "planned") - num(t, "reappropriated") > ceiling
                            || num(t, "headroom") != ceiling - outstanding || num(t, "headroom") < 0
                            || num(t, "reappropriated") > num(t, "recovered")) {
                        violations.add("programme " + t);
                    }
                    List<Map<String, Object>> envelopes = admin().get("/api/programmes/{p}/envelopes", programme).then()
                            .extract().jsonPath().getList("items");
                    for (Map<String, Object> e : envelopes) {
                        if (num(e, "committed") + num(e, "disbursed") > num(e, "amount") || num(e, "headroom") < 0) {
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
                        if (random.nextInt(40) == 0) {
                            decide(random, programme, tranches, decided, sent.get() > REQUESTS * 9 / 10);
                        } else {
                            operate(random, programme, recipient, tranches, byKey, sent);
                        }
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
            closeFy2025(programme, decided);
        }
        assertThat(admin().get("/api/programmes/{p}/year-end-report", programme).then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("")).allSatisfy(y -> assertThat(num(y, "planned")
                        + num(y, "carriedIn") + num(y, "reappropriated")).as("FY%s adds up", y.get("fiscalYear"))
                        .isEqualTo(num(y, "carriedOut") + num(y, "lapsed") + num(y, "committed") + num(y, "disbursed")
                                + num(y, "unspent")));

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
            try {
                model.apply((String) e.get("kind"), (String) e.get("trancheId"), (Integer) e.get("fiscalYear"),
                        ((Number) e.get("amount")).longValue());
            } catch (IllegalStateException illegal) {
                throw new AssertionError("seed " + seed + ": ledger entry " + e + " is illegal in the model: "
                        + illegal.getMessage() + "; the model's envelopes " + model.envelopes + ", money "
                        + model.envelopeMoney.entrySet().stream().map(m -> m.getKey() + "=" + java.util.Arrays.toString(m.getValue())).toList(), illegal);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> after = (Map<String, Object>) e.get("after");
            assertThat(List.of(num(after, "planned"), num(after, "committed"), num(after, "disbursed"),
                    num(after, "recovered"))).as("balances after entry %s", e.get("id"))
                    .containsExactly(model.planned(), model.committed, model.disbursed, model.recovered);
            if (e.get("idempotencyKey") != null) {
                entriesPerKey.merge((String) e.get("idempotencyKey"), 1, Integer::sum);
            }
        }
        model.finish();
        long accepted = byKey.values().stream().filter(a -> a.stream().anyMatch(s -> s.status() / 100 == 2)).count();
        long actedTwice = entriesPerKey.values().stream().filter(n -> n > 1).count();
        Map<Integer, Long> statuses = new HashMap<>();
        byKey.values().forEach(a -> a.forEach(s -> statuses.merge(s.status(), 1L, Long::sum)));
        System.out.printf("model-checked workload: seed %d, %d requests from %d clients (%d keys, %d accepted), "
                + "statuses %s, %d ledger entries replayed, %d invariant reads, %d violations, %d answers differing "
                + "for one key, %d keys acting twice%n", seed, sent.get(), CLIENTS, byKey.size(), accepted, statuses,
                ledger.size(), reads[0], violations.size(), doubled, actedTwice);
        System.out.printf("model-checked workload: budget decisions and closes %s%n", decided);

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
        assertThat(List.of(num(totals, "committed"), num(totals, "disbursed"), num(totals, "recovered"),
                num(totals, "reappropriated"), num(totals, "ceiling"))).containsExactly(model.committed,
                        model.disbursed, model.recovered, model.reappropriated, model.ceiling);
        boolean terminated = "TERMINATED".equals(totals.get("state"));
        assertThat(model.ended).isEqualTo(terminated);
        assertThat(model.closed).isEqualTo(terminated ? java.util.Set.of(2025, 2026) : java.util.Set.of(2025));
    }

    /**
     * One of the budget year's acts, among the money's: a carry-over from FY2025 (money, or a named
     * tranche) proposed by one official and confirmed by another, a ceiling amendment up or down (some
     * below what is outstanding, refused), a re-appropriation into FY2026 of returned money (more than
     * was returned, refused), or, in the last tenth, a close of FY2025 (refused while an approved
     * tranche is unpaid or a carry-over awaits its decision) and, rarely, a termination on either grounds.
     */
    private static void decide(Random random, String programme, List<String> tranches, Map<String, Integer> decided,
            boolean yearEnd) {
        String act;
        Response r;
        int dice = random.nextInt(4);
        if (dice == 0 && yearEnd) { // closes come last, or FY2025 would close before its money moved
            act = "close";
            r = meti().post("/api/programmes/{p}/envelopes/2025/close", programme);
        } else if (dice == 0) {
            act = "close preview";
            r = meti().get("/api/programmes/{p}/envelopes/2025/close", programme);
        } else {
            Map<String, Object> body = new HashMap<>(Map.of("reason", "workload"));
            if (dice == 1) {
                act = "carry-over";
                body.putAll(Map.of("kind", "CARRY_OVER", "fiscalYear", 2025, "amount", random.nextInt(200_000)));
                if (!tranches.isEmpty() && random.nextBoolean()) {
                    body.put("trancheIds", List.of(tranches.get(random.nextInt(tranches.size()))));
                }
            } else if (dice == 2) {
                act = "ceiling";
                body.putAll(Map.of("kind", "CEILING_AMENDMENT", "newCeiling", CEILING / 2 + random.nextInt((int) CEILING)));
            } else if (yearEnd && random.nextInt(8) == 0) {
                act = "termination";
                boolean breach = random.nextBoolean();
                body.putAll(Map.of("kind", "TERMINATE", "grounds", breach ? "RECIPIENT_BREACH" : "CHANGE_OF_CIRCUMSTANCES"));
                if (breach) {
                    body.put("returnDeadline", java.time.LocalDate.now().plusDays(30).toString());
                }
            } else {
                act = "re-appropriation";
                body.putAll(Map.of("kind", "REAPPROPRIATION", "fiscalYear", 2026, "amount", 1 + random.nextInt(100_000)));
            }
            r = meti().header("Idempotency-Key", key()).body(body).post("/api/programmes/{p}/budget-decisions", programme);
            if (r.statusCode() == 201) {
                String id = r.jsonPath().getString("id");
                if (act.equals("termination")) { // the recipient is heard first (弁明の機会)
                    answered(programme, id);
                }
                r = meti2().header("Idempotency-Key", key()).post("/api/programmes/{p}/budget-decisions/{d}/confirm",
                        programme, id);
                if (r.statusCode() != 200) { // the money changed since the proposal: it is rejected, saying so
                    meti2().header("Idempotency-Key", key()).body(Map.of("note", "overtaken: " + r.statusCode()))
                            .post("/api/programmes/{p}/budget-decisions/{d}/reject", programme, id).then().statusCode(200);
                }
            }
        }
        decided.merge(act + " " + r.statusCode(), 1, Integer::sum);
        assertThat(r.statusCode()).as(act + ": " + r.asString()).isIn(200, 400, 409);
    }

    /** Carries what is still approved and unpaid in FY2025 over to FY2026, then closes FY2025. */
    private static void closeFy2025(String programme, Map<String, Integer> decided) {
        if (admin().get("/api/programmes/{p}/envelopes/2025", programme).then().extract().path("closedAt") != null) {
            decided.merge("final close: closed already", 1, Integer::sum);
            return;
        }
        List<String> unpaid = meti().get("/api/programmes/{p}/envelopes/2025/close", programme).then().statusCode(200)
                .extract().jsonPath().getList("needingCarryOver");
        if (!unpaid.isEmpty()) {
            String d = meti().header("Idempotency-Key", key()).body(Map.of("kind", "CARRY_OVER", "fiscalYear", 2025,
                    "amount", 0, "trancheIds", unpaid, "reason", "unpaid at the year end"))
                    .post("/api/programmes/{p}/budget-decisions", programme).then().statusCode(201).extract().path("id");
            meti2().header("Idempotency-Key", key()).post("/api/programmes/{p}/budget-decisions/{d}/confirm", programme, d)
                    .then().statusCode(200);
        }
        meti().post("/api/programmes/{p}/envelopes/2025/close", programme).then().statusCode(200)
                .body("closed", org.hamcrest.Matchers.equalTo(true));
        decided.merge("final close 200", 1, Integer::sum);
    }

    /** One random request (sometimes retried with its key, at once or in parallel), recorded by key. */
    private static void operate(Random random, String programme, String recipient, List<String> tranches,
            Map<String, List<Sent>> byKey, AtomicInteger sent) throws Exception {
        String key = key();
        String tranche = tranches.isEmpty() ? null : tranches.get(random.nextInt(tranches.size()));
        int dice = random.nextInt(100);
        Request request;
        if (tranche == null || dice < 18) {
            int fy = random.nextBoolean() ? 2025 : 2026;
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
