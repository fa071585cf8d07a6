package jp.go.meti.aifund.system;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import jp.go.meti.aifund.infra.local.DevTokens;
import jp.go.meti.aifund.infra.local.LocalStack;
import jp.go.meti.aifund.infra.testing.EventStream;

/**
 * The seed's central promise, end to end: the three services as separate processes on a real
 * Kafka broker and a real PostgreSQL. A review that misses a critical milestone raises a warning
 * that the SSE stream and a signed webhook deliver, and holds next year's gated tranches; the same
 * events again change nothing; poison goes to the dead-letter topics and consumption continues; a
 * ministry decision (four eyes) reduces the tranches and the headroom grows by exactly that amount.
 * And the faults the loop must survive: the database restarted under load, and a consumer killed
 * between processing events and committing their offsets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PullbackLoopSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DevTokens TOKENS = new DevTokens();
    private static final long CEILING = 1_000_000_000_000L;
    private static final String COMMIT_INTERVAL = "MP_MESSAGING_INCOMING_REVIEWS_AUTO_COMMIT_INTERVAL_MS";
    private static LocalStack stack;
    private static String quietProgramme;
    private static EventStream quietStream;
    private static Instant quietSince;
    private static HttpServer webhookEndpoint;
    private static final List<Map<String, String>> WEBHOOKS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheSystem() throws Exception {
        stack = LocalStack.onFreePorts(Path.of("..", "..").toAbsolutePath().normalize(),
                Path.of("target", "system-test-data").toAbsolutePath())
                // offsets are committed a minute after processing, so that a crash falls between the two,
                // and a member that vanished leaves the group after 10 s rather than 45 s
                .withEnvironment("notification-service", COMMIT_INTERVAL, "60000")
                .withEnvironment("notification-service", "MP_MESSAGING_INCOMING_REVIEWS_SESSION_TIMEOUT_MS", "10000");
        stack.start();
        webhookEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookEndpoint.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                WEBHOOKS.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "signature", exchange.getRequestHeaders().getFirst("webhook-signature"),
                        "body", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookEndpoint.start();
        quietProgramme = funding("admin.sato", "programme-admin").body(Map.of("name", "Quiet " + key(), "ceiling",
                CEILING, "firstFiscalYear", 2026, "lastFiscalYear", 2030, "commissioningMinistry", "METI",
                "executingAgency", "NEDO")).post("/api/programmes").then().statusCode(201).extract().path("id");
        quietStream = EventStream.open(stack.url("notification-service") + "/api/warnings/stream?programmeId="
                + quietProgramme, TOKENS.mint("auditor.ito", "auditor", Duration.ofHours(1)), null);
        quietSince = Instant.now();
    }

    @AfterAll
    static void stopTheSystem() {
        if (quietStream != null) {
            quietStream.close();
        }
        if (webhookEndpoint != null) {
            webhookEndpoint.stop(0);
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** A portal team's clients, generated by the build from the three OpenAPI documents, work as documented. */
    @Test
    @Order(1)
    void clientsGeneratedFromTheOpenApiDocumentsDriveTheServices() throws Exception {
        GeneratedClientCheck.run(new PortalClients(stack, TOKENS));
    }

    private static RequestSpecification as(String person, String role, String service) {
        return given().baseUri(stack.url(service)).auth().oauth2(TOKENS.mint(person, role, Duration.ofHours(1)))
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification funding(String person, String role) {
        return as(person, role, "funding-service");
    }

    private static RequestSpecification milestones(String person, String role) {
        return as(person, role, "milestone-service");
    }

    private static RequestSpecification notifications(String person, String role) {
        return as(person, role, "notification-service");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    @Order(2)
    void aMissedCriticalTargetRaisesAWarningThatIsDeliveredAndHoldsTheMoneyUntilTheMinistryDecides() throws Exception {
        // funding: the programme, its envelopes, the consortium and its members
        String programme = funding("admin.sato", "programme-admin").body(Map.of("name", "Sovereign multimodal model",
                "ceiling", CEILING, "firstFiscalYear", 2026, "lastFiscalYear", 2030, "commissioningMinistry", "METI",
                "executingAgency", "NEDO")).post("/api/programmes").then().statusCode(201).extract().path("id");
        for (int fy : new int[] {2026, 2027}) {
            funding("admin.sato", "programme-admin").body(Map.of("amount", 300_000_000_000L))
                    .put("/api/programmes/{p}/envelopes/{fy}", programme, fy).then().statusCode(200);
        }
        String noetra = funding("admin.sato", "programme-admin").body(Map.of("name", "Noetra", "role", "CONSORTIUM"))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(201).extract().path("id");
        Map<String, Integer> shares = Map.of("SoftBank", 4000, "NEC", 2500, "Sony Group", 2000, "Honda", 1500);
        shares.forEach((name, share) -> funding("admin.sato", "programme-admin").body(Map.of("name", name, "role",
                "MEMBER", "consortiumId", noetra, "shareBasisPoints", share))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(201));

        // FY2027's tranches, approved early by a ministry decision opening their gate
        funding("meti.suzuki", "meti-official").body(Map.of("reason", "advance FY2027 compute procurement"))
                .post("/api/programmes/{p}/envelopes/2027/gate-override", programme).then().statusCode(200);
        List<String> fy2027 = new ArrayList<>();
        for (long amount : new long[] {120_000_000_000L, 80_000_000_001L}) {
            String t = funding("nedo.tanaka", "nedo-officer").header("Idempotency-Key", key())
                    .body(Map.of("fiscalYear", 2027, "recipientId", noetra, "amount", amount))
                    .post("/api/programmes/{p}/tranches", programme).then().statusCode(201).extract().path("id");
            funding("meti.suzuki", "meti-official").header("Idempotency-Key", key()).body(Map.of())
                    .post("/api/programmes/{p}/tranches/{t}/approve", programme, t).then().statusCode(200);
            fy2027.add(t);
        }
        long headroomBefore = headroom(programme);
        assertThat(headroomBefore).isEqualTo(CEILING - 200_000_000_001L);

        // people and systems listening: a webhook subscription and a live SSE stream
        String secret = notifications("admin.sato", "programme-admin").body(Map.of("url", "http://127.0.0.1:"
                + webhookEndpoint.getAddress().getPort() + "/hook", "minSeverity", "CRITICAL", "programmeId", programme))
                .post("/api/webhook-subscriptions").then().statusCode(201).extract().path("secret");
        EventStream streamed = EventStream.open(stack.url("notification-service") + "/api/warnings/stream",
                TOKENS.mint("meti.suzuki", "meti-official", Duration.ofHours(1)), null);

        // notification-service knows the tranches a pullback would hold before the review is finalized
        await().atMost(Duration.ofSeconds(30)).until(() -> tranchesAPullbackWouldHold(programme).containsAll(fy2027));

        // a poison message on the review topic, before the real review: both consumers must move past it
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("aifund.review-events.v1", programme, "{\"not\": \"a cloud event\"")).get();
        }

        // milestone-service: its copy of the programme, from funding-service's programme events, with every recipient
        awaitKnownToMilestoneService(programme);
        await().atMost(Duration.ofSeconds(30)).until(() -> milestones("auditor.ito", "auditor")
                .get("/api/programmes/{p}", programme).then().extract().<List<?>>path("recipients").size() == 5);
        // FY2026's milestones, a review that misses the critical one, submitted and finalized
        String params = milestones("nedo.tanaka", "nedo-officer").body(Map.of("code", "PARAMS", "title",
                "Multimodal model trained", "metric", "parameters trained", "unit", "parameters", "direction",
                "AT_LEAST", "target", 100_000_000_000L, "threshold", 60_000_000_000L, "weightBasisPoints", 6000,
                "critical", true)).post("/api/programmes/{p}/fiscal-years/2026/milestones", programme)
                .then().statusCode(201).extract().path("id");
        String bench = milestones("nedo.tanaka", "nedo-officer").body(Map.of("code", "JA-BENCH", "title",
                "Japanese benchmark", "metric", "JGLUE average", "unit", "points", "direction", "AT_LEAST", "target", 80,
                "threshold", 60, "weightBasisPoints", 4000, "critical", false))
                .post("/api/programmes/{p}/fiscal-years/2026/milestones", programme).then().statusCode(201)
                .extract().path("id");
        String review = milestones("nedo.tanaka", "nedo-officer")
                .post("/api/programmes/{p}/fiscal-years/2026/reviews", programme).then().statusCode(201)
                .extract().path("id");
        record(review, params, 52_000_000_000L, "parameters");
        record(review, bench, 75, "points");
        milestones("nedo.tanaka", "nedo-officer").post("/api/reviews/{r}/submit", review).then().statusCode(200)
                .extract().path("scoreBasisPoints");
        milestones("meti.suzuki", "meti-official").body(Map.of("note", "critical target missed"))
                .post("/api/reviews/{r}/finalize", review).then().statusCode(200);
        long finalizedAt = System.nanoTime();

        // the warning, with the exact reduction split across the members
        await().atMost(Duration.ofSeconds(30)).until(() -> !pullbackWarnings(programme).isEmpty());
        JsonNode warning = pullbackWarnings(programme).get(0);
        // score 40 % × 75 % = 30.00 %; planned ¥200,000,000,001 × 70 % = 140,000,000,000.7 → ¥140,000,000,000
        assertThat(warning.at("/figures/amount").asLong()).isEqualTo(140_000_000_000L);
        List<Long> parts = new ArrayList<>();
        warning.at("/figures/parts").forEach(p -> parts.add(p.get("amount").asLong()));
        assertThat(parts).containsExactly(56_000_000_000L, 35_000_000_000L, 28_000_000_000L, 21_000_000_000L);
        String warningId = warning.get("id").asText();

        // delivered: over SSE, and to the webhook with a valid Standard Webhooks signature
        await().atMost(Duration.ofSeconds(10)).until(() -> streamed.frames("warning.raised").stream()
                .anyMatch(f -> f.data().contains(warningId)));
        streamed.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> WEBHOOKS.stream().anyMatch(w -> w.get("body").contains(warningId)));
        Map<String, String> hook = WEBHOOKS.stream().filter(w -> w.get("body").contains(warningId)).findFirst().orElseThrow();
        assertThat(hook.get("signature")).isEqualTo(sign(secret, hook.get("id"), hook.get("timestamp"), hook.get("body")));

        // the money stops: FY2027's gated tranches are ON_HOLD, each hold naming the recommendation
        await().atMost(Duration.ofSeconds(30)).until(() -> fy2027.stream().allMatch(t -> "ON_HOLD".equals(trancheState(programme, t))));
        System.out.printf("pullback loop: review finalized → warning, SSE, webhook and holds within %d ms%n",
                Duration.ofNanos(System.nanoTime() - finalizedAt).toMillis());
        assertThat(ledgerReasons(programme, "TRANCHE_HELD")).hasSize(2).allMatch(r -> r.contains(warningId));

        // one trace: the finalize request, the recommendation it caused, and the holds that followed
        String trace = traceIdOf(readAll("aifund.review-events.v1", programme).stream()
                .filter(r -> r.value().contains("review.finalized.v1")).findFirst().orElseThrow());
        assertThat(trace).as("the finalized review carries its trace context").isNotNull();
        assertThat(readAll("aifund.pullback-recommendations.v1", programme)).extracting(PullbackLoopSystemTest::traceIdOf)
                .containsOnly(trace);
        assertThat(readAll("aifund.tranche-events.v1", programme).stream()
                .filter(r -> r.value().contains("tranche.held.v1")).map(PullbackLoopSystemTest::traceIdOf))
                .hasSize(2).containsOnly(trace);

        // redelivering the same events changes nothing
        int ledgerSize = ledgerReasons(programme, null).size();
        redeliver("aifund.review-events.v1", programme);
        redeliver("aifund.pullback-recommendations.v1", programme);
        String marker = milestones("nedo.tanaka", "nedo-officer")
                .post("/api/programmes/{p}/fiscal-years/2027/reviews", programme).then().statusCode(201).extract().path("id");
        assertThat(marker).isNotBlank();
        Thread.sleep(3_000); // no event to wait for: give a wrongly repeated effect time to show
        assertThat(pullbackWarnings(programme)).hasSize(1);
        assertThat(ledgerReasons(programme, null)).hasSize(ledgerSize);

        // the poison went to both consumers' dead-letter topics, with its reason
        assertThat(deadLetterReasons("aifund.funding-service.dlq.v1", programme)).anyMatch(r -> r.contains("not JSON"));
        assertThat(deadLetterReasons("aifund.notification-service.dlq.v1", programme)).anyMatch(r -> r.contains("not JSON"));

        // the ministry decides (four eyes): reduce by the recommendation; the headroom grows by exactly that
        String pullback = "/api/programmes/{p}/pullbacks/{id}";
        funding("meti.suzuki", "meti-official").body(Map.of("decision", "REDUCE_BY_RECOMMENDATION", "reason",
                "reduce as recommended")).post(pullback + "/decision", programme, warningId).then().statusCode(200);
        funding("meti.suzuki", "meti-official").post(pullback + "/decision/confirm", programme, warningId)
                .then().statusCode(403);
        // due process (弁明の機会): the proposal is noticed to Noetra, as a warning and a webhook, and is not
        // confirmed before a member of Noetra has answered (or the day to answer by has passed)
        String hearing = funding("auditor.ito", "auditor").get("/api/programmes/{p}/hearings?subjectId={s}", programme,
                warningId).then().statusCode(200).extract().path("items[0].id");
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications("auditor.ito", "auditor")
                .get("/api/warnings?programmeId={p}&kind=HEARING_NOTICE", programme).then().extract().jsonPath()
                .getList("items").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> WEBHOOKS.stream().anyMatch(w -> w.get("body")
                .contains("HEARING_NOTICE") && w.get("body").contains(hearing)));
        funding("meti.takahashi", "meti-official").post(pullback + "/decision/confirm", programme, warningId)
                .then().statusCode(409);
        given().baseUri(stack.url("funding-service")).auth().oauth2(TOKENS.mint("member.softbank", "consortium-member",
                List.of(noetra), Duration.ofHours(1))).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body(Map.of("response", "FY2027's plan is revised; we ask for a smaller reduction."))
                .post("/api/programmes/{p}/hearings/{h}/response", programme, hearing).then().statusCode(200);
        funding("meti.takahashi", "meti-official").post(pullback + "/decision/confirm", programme, warningId)
                .then().statusCode(200);
        assertThat(headroom(programme)).isEqualTo(headroomBefore + 140_000_000_000L);
        assertThat(ledgerReasons(programme, "TRANCHE_REDUCED")).hasSize(2).allMatch(r -> r.contains(warningId));
        assertThat(fy2027.stream().mapToLong(t -> trancheAmount(programme, t)).sum())
                .isEqualTo(200_000_000_001L - 140_000_000_000L);
    }

    @Test
    @Order(3)
    void aDatabaseRestartUnderLoadLosesNothingCommittedAndAppliesNothingByHalves() throws Exception {
        Map<String, Long> pids = new TreeMap<>();
        for (String service : List.of("funding-service", "milestone-service", "notification-service")) {
            pids.put(service, stack.pid(service));
        }
        String programme = funding("admin.sato", "programme-admin").body(Map.of("name", "Restart " + key(),
                "ceiling", CEILING, "firstFiscalYear", 2026, "lastFiscalYear", 2030, "commissioningMinistry", "METI",
                "executingAgency", "NEDO")).post("/api/programmes").then().statusCode(201).extract().path("id");
        funding("admin.sato", "programme-admin").body(Map.of("amount", 500_000_000_000L))
                .put("/api/programmes/{p}/envelopes/2026", programme).then().statusCode(200);
        String noetra = funding("admin.sato", "programme-admin").body(Map.of("name", "Noetra", "role", "CONSORTIUM"))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(201).extract().path("id");
        int entriesBefore = ledgerEntries(programme);

        // 8 clients plan and approve tranches for 20 s; the database goes down for 5 s in the middle
        Map<String, Integer> firstAnswers = new ConcurrentSkipListMap<>();
        List<String> wrong = new CopyOnWriteArrayList<>();
        List<Long> approved = new CopyOnWriteArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        var clients = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            long base = 1_000_000L * (c + 1);
            running.add(clients.submit(() -> {
                for (long n = 1; System.nanoTime() < end; n++) {
                    long amount = base + n;
                    String tranche = untilAnswered(firstAnswers, wrong, "nedo.tanaka", "nedo-officer",
                            "/api/programmes/" + programme + "/tranches",
                            Map.of("fiscalYear", 2026, "recipientId", noetra, "amount", amount), 201);
                    if (tranche != null && untilAnswered(firstAnswers, wrong, "meti.suzuki", "meti-official",
                            "/api/programmes/" + programme + "/tranches/" + tranche + "/approve", Map.of(), 200) != null) {
                        approved.add(amount);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(6_000);
        long down = System.nanoTime();
        stack.restartDatabase(Duration.ofSeconds(5));
        long restarted = Duration.ofNanos(System.nanoTime() - down).toMillis();
        for (var client : running) {
            client.get();
        }
        clients.shutdown();

        System.out.printf("database restart under load: down %d ms; %d tranches planned and approved by 8 clients; "
                + "first answers %s; %d unexpected%n", restarted, approved.size(), firstAnswers, wrong.size());
        assertThat(wrong).isEmpty();
        assertThat(firstAnswers).containsKey("503 problem");
        long committed = approved.stream().mapToLong(Long::longValue).sum();
        assertThat(((Number) funding("auditor.ito", "auditor").get("/api/programmes/{p}", programme).then()
                .statusCode(200).extract().path("committed")).longValue()).isEqualTo(committed);
        assertThat(ledgerEntries(programme)).as("one plan and one approval each, none twice")
                .isEqualTo(entriesBefore + 2 * approved.size());
        // the same processes recovered by themselves, and every event of the load reached notification-service
        for (var pid : pids.entrySet()) {
            assertThat(stack.pid(pid.getKey())).as(pid.getKey() + " not restarted").isEqualTo(pid.getValue());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) notifications("auditor.ito", "auditor")
                .get("/api/dashboard/{p}", programme).then().extract().path("totals.committed")).longValue() == committed);
    }

    /** The programme's ledger entries, after checking that their hash chain is intact. */
    private static int ledgerEntries(String programme) {
        return funding("auditor.ito", "auditor").get("/api/programmes/{p}/ledger/verification", programme).then()
                .statusCode(200).body("intact", equalTo(true)).extract().path("entries");
    }

    /**
     * Sends the command, and again with the same Idempotency-Key while the answer is a retryable 503,
     * as a portal would; returns the id of the result, or null if refused. Each first answer is
     * counted; anything but the expected status or a 503 problem document is wrong.
     */
    private static String untilAnswered(Map<String, Integer> firstAnswers, List<String> wrong, String person,
            String role, String path, Map<String, ?> body, int expected) {
        String idempotencyKey = key();
        for (int attempt = 0; attempt < 120; attempt++) {
            Response response;
            try {
                response = funding(person, role).header("Idempotency-Key", idempotencyKey).body(body).post(path);
            } catch (RuntimeException noAnswer) {
                wrong.add(path + ": no answer (" + noAnswer + ")");
                return null;
            }
            String answer = response.statusCode() == 503
                    && response.contentType().startsWith("application/problem+json") ? "503 problem"
                            : String.valueOf(response.statusCode());
            if (attempt == 0) {
                firstAnswers.merge(answer, 1, Integer::sum);
            }
            if (response.statusCode() == expected) {
                return response.path("id");
            }
            if (!answer.equals("503 problem")) {
                wrong.add(path + ": " + response.statusCode() + " " + response.asString());
                return null;
            }
            sleepQuietly(250);
        }
        wrong.add(path + ": still unavailable after 30 s");
        return null;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A follower of a programme where nothing happens for two minutes (while the other tests run):
     * the keep-alive comments hold the stream open past the HTTP idle timeout (60 s, production's
     * settings), and it still delivers when something does happen. Before the consumer is killed.
     */
    @Test
    @Order(4)
    void aQuietStreamOutlastsTheIdleTimeoutAndStillDeliversWhenSomethingHappens() {
        Duration quiet = Duration.ofMinutes(2);
        await().atMost(quiet.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Duration.between(quietSince, Instant.now()).compareTo(quiet) > 0);
        assertThat(quietStream.open()).as("open after %s quiet, %s", quiet, quietStream.summary()).isTrue();
        assertThat(quietStream.failure()).isNull();
        assertThat(quietStream.comments()).filteredOn("keep-alive"::equals).hasSizeGreaterThanOrEqualTo(7);
        assertThat(quietStream.frames()).as("nothing happened to the programme but its creation")
                .allSatisfy(f -> assertThat(f.event()).isEqualTo("programme.updated"));
        int before = quietStream.frames().size();
        funding("admin.sato", "programme-admin").body(Map.of("amount", 1_000_000L))
                .put("/api/programmes/{p}/envelopes/2026", quietProgramme).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> quietStream.frames().size() > before);
        System.out.printf("quiet stream: open %d s with %d keep-alives, then the envelope's programme.updated frame%n",
                Duration.between(quietSince, Instant.now()).toSeconds(),
                quietStream.comments().stream().filter("keep-alive"::equals).count());
    }

    @Test
    @Order(5)
    void aConsumerKilledBetweenProcessingAndCommittingChangesNothingWhenTheEventsComeAgain() throws Exception {
        String programme = funding("admin.sato", "programme-admin").body(Map.of("name", "Crash " + key(),
                "ceiling", CEILING, "firstFiscalYear", 2026, "lastFiscalYear", 2030, "commissioningMinistry", "METI",
                "executingAgency", "NEDO")).post("/api/programmes").then().statusCode(201).extract().path("id");
        awaitKnownToMilestoneService(programme);
        String params = milestones("nedo.tanaka", "nedo-officer").body(Map.of("code", "PARAMS", "title",
                "Multimodal model trained", "metric", "parameters trained", "unit", "parameters", "direction",
                "AT_LEAST", "target", 100_000_000_000L, "threshold", 60_000_000_000L, "weightBasisPoints", 10_000,
                "critical", true)).post("/api/programmes/{p}/fiscal-years/2026/milestones", programme)
                .then().statusCode(201).extract().path("id");
        String review = milestones("nedo.tanaka", "nedo-officer")
                .post("/api/programmes/{p}/fiscal-years/2026/reviews", programme).then().statusCode(201)
                .extract().path("id");
        record(review, params, 40_000_000_000L, "parameters");
        milestones("nedo.tanaka", "nedo-officer").post("/api/reviews/{r}/submit", review).then().statusCode(200);
        milestones("meti.suzuki", "meti-official").body(Map.of("note", "critical target missed"))
                .post("/api/reviews/{r}/finalize", review).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !warnings(programme).isEmpty());
        List<String> before = warnings(programme);
        int recommendations = readAll("aifund.pullback-recommendations.v1", programme).size();

        // processed (the warnings are there) but not committed: killed at once, as by the OOM killer
        stack.kill("notification-service");
        long behind = uncommittedReviewEvents();
        System.out.printf("consumer crash: notification-service killed with %d processed review events uncommitted%n",
                behind);
        assertThat(behind).as("review events to be delivered again").isPositive();

        stack.withoutEnvironment("notification-service", COMMIT_INTERVAL).relaunch("notification-service");
        await().atMost(Duration.ofSeconds(90)).until(() -> uncommittedReviewEvents() == 0);
        assertThat(warnings(programme)).as("the same warnings, none twice").containsExactlyInAnyOrderElementsOf(before);
        assertThat(readAll("aifund.pullback-recommendations.v1", programme)).as("no second recommendation")
                .hasSize(recommendations);
    }

    /** milestone-service refuses the milestones of a programme its copy (kept from funding-service's events) lacks. */
    private static void awaitKnownToMilestoneService(String programme) {
        await().atMost(Duration.ofSeconds(30)).until(() -> milestones("auditor.ito", "auditor")
                .get("/api/programmes/{p}", programme).statusCode() == 200);
    }

    /** The ids of the programme's warnings, of every kind. */
    private static List<String> warnings(String programme) {
        return notifications("auditor.ito", "auditor").get("/api/warnings?programmeId={p}&size=200", programme)
                .then().statusCode(200).extract().path("items.id");
    }

    /** How far notification-service's committed offsets lag the end of the review topic. */
    private static long uncommittedReviewEvents() throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets("notification-service").partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of("aifund.review-events.v1")).allTopicNames().get()
                    .get("aifund.review-events.v1").partitions();
            long lag = 0;
            for (var partition : partitions) {
                var tp = new TopicPartition("aifund.review-events.v1", partition.partition());
                long endOffset = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all()
                        .get().get(tp).offset();
                var at = committed.get(tp);
                lag += endOffset - (at == null ? 0 : at.offset());
            }
            return lag;
        }
    }

    private static void record(String review, String milestone, long value, String unit) {
        milestones("nedo.tanaka", "nedo-officer").body(Map.of("value", value, "unit", unit, "asOf",
                LocalDate.of(2026, 11, 1).toString(), "evidence", List.of(Map.of("uri",
                        "https://nedo.example/evidence/" + milestone, "title", "Evaluation report", "digest",
                        "sha256:" + "5e".repeat(32))))).put("/api/reviews/{r}/results/{m}", review, milestone)
                .then().statusCode(200);
    }

    private static long headroom(String programme) {
        return ((Number) funding("auditor.ito", "auditor").get("/api/programmes/{p}", programme).then().statusCode(200)
                .extract().path("headroom")).longValue();
    }

    private static String trancheState(String programme, String tranche) {
        return funding("auditor.ito", "auditor").get("/api/programmes/{p}/tranches/{t}", programme, tranche)
                .then().extract().path("state");
    }

    private static long trancheAmount(String programme, String tranche) {
        return ((Number) funding("auditor.ito", "auditor").get("/api/programmes/{p}/tranches/{t}", programme, tranche)
                .then().extract().path("amount")).longValue();
    }

    private static List<String> ledgerReasons(String programme, String kind) {
        List<Map<String, Object>> entries = funding("auditor.ito", "auditor")
                .get("/api/programmes/{p}/ledger?size=200", programme).then().statusCode(200).extract().path("items");
        return entries.stream().filter(e -> kind == null || kind.equals(e.get("kind")))
                .map(e -> String.valueOf(e.get("reason"))).toList();
    }

    private static List<JsonNode> pullbackWarnings(String programme) throws Exception {
        String body = notifications("auditor.ito", "auditor")
                .get("/api/warnings?programmeId={p}&kind=PULLBACK_RECOMMENDED", programme).then().statusCode(200)
                .extract().asString();
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(body).get("items").forEach(items::add);
        return items;
    }

    private static List<String> tranchesAPullbackWouldHold(String programme) {
        return notifications("meti.suzuki", "meti-official").body(Map.of("programmeId", programme, "fiscalYear", 2026,
                "milestones", List.of(Map.of("code", "PARAMS", "direction", "AT_LEAST", "target", 80, "threshold", 60,
                        "actual", 50, "weightBasisPoints", 10_000, "critical", true))))
                .post("/api/what-if").then().statusCode(200).extract().path("tranchesToHold.trancheId");
    }

    /** The Standard Webhooks signature, computed the way a receiver would, independently of the service. */
    private static String sign(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long idleSince = System.nanoTime();
            while (System.nanoTime() - idleSince < Duration.ofSeconds(3).toNanos()) {
                var batch = consumer.poll(Duration.ofMillis(500));
                batch.forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
                if (!batch.isEmpty()) {
                    idleSince = System.nanoTime();
                }
            }
        }
        return records;
    }

    /** Publishes every record of the programme on the topic again, unchanged (same CloudEvent ids). */
    private static void redeliver(String topic, String programme) throws Exception {
        List<ConsumerRecord<String, String>> records = readAll(topic, programme);
        assertThat(records).isNotEmpty();
        try (KafkaProducer<String, String> producer = producer()) {
            for (ConsumerRecord<String, String> r : records) {
                producer.send(new ProducerRecord<>(topic, r.key(), r.value())).get();
            }
        }
    }

    /** The trace id of the record's W3C traceparent header, or null. */
    private static String traceIdOf(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8).split("-")[1];
    }

    private static List<String> deadLetterReasons(String topic, String programme) {
        return readAll(topic, programme).stream().map(r -> r.headers().lastHeader("dead-letter-reason"))
                .filter(h -> h != null).map(h -> new String(h.value(), StandardCharsets.UTF_8)).toList();
    }
}
