package jp.go.meti.aifund.loadtest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import jp.go.meti.aifund.infra.local.LocalStack;

/**
 * 2. The event path, one review at a time: a review that misses its critical milestone is
 * finalized (milestone-service), the warning becomes readable over REST and arrives over SSE
 * (notification-service), and the programme's approved tranche of the next year is ON_HOLD
 * (funding-service). Timed from sending the finalize request. The harness waits for the SSE event
 * first, then reads the warning over REST (every 2 ms until it is there), then the tranche (every
 * 5 ms): polling the services from the start would take the CPU their consumers need on this
 * 2-core machine, and a warning readable before it is pushed is counted when it is pushed.
 */
final class EventPath {

    /** A programme with an approved FY2027 tranche and a FY2026 review that misses its critical milestone. */
    private record Loop(String programme, String tranche, String review) {
    }

    private final LocalStack stack;
    private final Api api;
    private final Map<String, Long> streamed = new ConcurrentHashMap<>();

    EventPath(LocalStack stack, Api api) {
        this.stack = stack;
        this.api = api;
    }

    /**
     * Latencies to the warning over REST, over SSE, and to the hold; and where the time goes
     * ({@code stages}, in order), from the services' clocks and the Kafka records' timestamps (all
     * on this machine's clock).
     */
    record Result(Latencies rest, Latencies sse, Latencies hold, Map<String, Latencies> stages) {
    }

    /** The times of one loop's steps as the services recorded them. */
    private record Times(String programme, Instant sent, Instant decided, Instant warned, Instant held) {
    }

    private final List<Times> times = new ArrayList<>();

    Result measure(int reviews) throws Exception {
        ConcurrentLinkedQueue<Loop> loops = new ConcurrentLinkedQueue<>();
        AtomicInteger prepared = new AtomicInteger();
        Concurrently.run(8, Duration.ofMinutes(15), () -> prepared.getAndIncrement() < reviews,
                () -> loops.add(prepare()), null);
        Lag.awaitCaughtUp(stack.bootstrapServers(), "notification-service", Duration.ofMinutes(5));
        Lag.awaitCaughtUp(stack.bootstrapServers(), "funding-service", Duration.ofMinutes(5));
        openStream();
        Result result = new Result(new Latencies(), new Latencies(), new Latencies(), new LinkedHashMap<>());
        for (Loop loop : loops) {
            run(loop, result);
        }
        stages(result.stages());
        return result;
    }

    private Loop prepare() throws Exception {
        String funding = stack.url("funding-service");
        String milestones = stack.url("milestone-service");
        String programme = api.post(funding + "/api/programmes", Api.ADMIN, null, Map.of("name", "Event path "
                + UUID.randomUUID(), "ceiling", 1_000_000_000_000L, "firstFiscalYear", 2026, "lastFiscalYear", 2030,
                "commissioningMinistry", "METI", "executingAgency", "NEDO")).get("id").asText();
        String p = funding + "/api/programmes/" + programme;
        for (int fy : new int[] {2026, 2027}) {
            api.put(p + "/envelopes/" + fy, Api.ADMIN, Map.of("amount", 100_000_000_000L));
        }
        String recipient = api.post(p + "/recipients", Api.ADMIN, null, Map.of("name", "Noetra", "role", "CONSORTIUM"))
                .get("id").asText();
        api.post(p + "/envelopes/2027/gate-override", Api.METI, null, Map.of("reason", "advance procurement"));
        String tranche = api.post(p + "/tranches", Api.NEDO, UUID.randomUUID().toString(), Map.of("fiscalYear", 2027,
                "recipientId", recipient, "amount", 10_000_000_000L)).get("id").asText();
        api.post(p + "/tranches/" + tranche + "/approve", Api.METI, UUID.randomUUID().toString(), Map.of());
        // milestone-service knows the programme once funding-service's programme event reached its copy
        api.getOnceThere(milestones + "/api/programmes/" + programme, Api.NEDO);
        String milestone = api.post(milestones + "/api/programmes/" + programme + "/fiscal-years/2026/milestones",
                Api.NEDO, null, Map.of("code", "PARAMS", "title", "Model trained", "metric", "parameters trained",
                        "unit", "parameters", "direction", "AT_LEAST", "target", 100_000_000_000L, "threshold",
                        60_000_000_000L, "weightBasisPoints", 10_000, "critical", true)).get("id").asText();
        String review = api.post(milestones + "/api/programmes/" + programme + "/fiscal-years/2026/reviews", Api.NEDO,
                null, null).get("id").asText();
        api.put(milestones + "/api/reviews/" + review + "/results/" + milestone, Api.NEDO, Map.of("value",
                52_000_000_000L, "unit", "parameters", "asOf", LocalDate.of(2026, 11, 1).toString(), "evidence",
                List.of(Map.of("uri", "https://nedo.example/evidence/" + milestone, "title", "Evaluation report",
                        "digest", "sha256:" + "5e".repeat(32)))));
        api.post(milestones + "/api/reviews/" + review + "/submit", Api.NEDO, null, null);
        return new Loop(programme, tranche, review);
    }

    private void run(Loop loop, Result result) throws Exception {
        String warnings = stack.url("notification-service") + "/api/warnings?kind=PULLBACK_RECOMMENDED&programmeId="
                + loop.programme();
        String tranche = stack.url("funding-service") + "/api/programmes/" + loop.programme() + "/tranches/"
                + loop.tranche();
        Instant sent = Instant.now();
        long t0 = System.nanoTime();
        JsonNode finalized = api.post(stack.url("milestone-service") + "/api/reviews/" + loop.review() + "/finalize",
                Api.METI, null, Map.of("note", "critical target missed"));
        long deadline = t0 + Duration.ofSeconds(30).toNanos();
        while (!streamed.containsKey(loop.programme())) {
            pause(deadline, 1, "SSE event for " + loop);
        }
        result.sse().add(streamed.get(loop.programme()) - t0);
        JsonNode found;
        while ((found = api.get(warnings, Api.AUDITOR).get("items")).isEmpty()) {
            pause(deadline, 2, "warning for " + loop);
        }
        result.rest().add(System.nanoTime() - t0);
        JsonNode held;
        while (!"ON_HOLD".equals((held = api.get(tranche, Api.AUDITOR)).get("state").asText())) {
            pause(deadline, 5, "hold of " + loop);
        }
        result.hold().add(System.nanoTime() - t0);
        times.add(new Times(loop.programme(), sent, Instant.parse(finalized.at("/decision/at").asText()),
                Instant.parse(found.get(0).get("createdAt").asText()), Instant.parse(held.get("updatedAt").asText())));
    }

    /** Each loop's steps, with the times its two events were sent (the records' timestamps, by programme). */
    private void stages(Map<String, Latencies> stages) {
        Map<String, Instant> reviewSent = sentAt("aifund.review-events.v1", "review.finalized");
        Map<String, Instant> recommendationSent = sentAt("aifund.pullback-recommendations.v1", "");
        for (Times t : times) {
            Instant review = reviewSent.get(t.programme());
            Instant recommendation = recommendationSent.get(t.programme());
            stage(stages, "finalize request sent → review decided (milestone-service)", t.sent(), t.decided());
            stage(stages, "decision → review event sent (commit, outbox relay)", t.decided(), review);
            stage(stages, "review event sent → warning created (Kafka, notification-service's consumer)", review,
                    t.warned());
            stage(stages, "warning created → recommendation sent (commit, outbox relay)", t.warned(), recommendation);
            stage(stages, "recommendation sent → tranche held (Kafka, funding-service's consumer)", recommendation,
                    t.held());
        }
    }

    private static void stage(Map<String, Latencies> stages, String name, Instant from, Instant to) {
        stages.computeIfAbsent(name, n -> new Latencies()).add(Duration.between(from, to).toNanos());
    }

    private Map<String, Instant> sentAt(String topic, String type) {
        Map<String, Instant> sent = new HashMap<>();
        for (ConsumerRecord<String, String> r : Topics.readAll(stack.bootstrapServers(), topic)) {
            if (r.value() != null && r.value().contains(type)) {
                sent.putIfAbsent(r.key(), Instant.ofEpochMilli(r.timestamp()));
            }
        }
        return sent;
    }

    private static void pause(long deadline, long millis, String waitingFor) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("no " + waitingFor + " after 30 s");
        }
        Thread.sleep(millis);
    }

    /** The SSE stream of new warnings, each PULLBACK_RECOMMENDED one's arrival time noted by programme. */
    private void openStream() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url("notification-service") + "/api/warnings/stream"))
                .header("Authorization", "Bearer " + Api.AUDITOR).header("Accept", "text/event-stream").build();
        api.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            try (Stream<String> lines = response.body()) {
                lines.filter(line -> line.startsWith("data:")).forEach(line -> {
                    long arrived = System.nanoTime();
                    try {
                        JsonNode warning = Api.JSON.readTree(line.substring("data:".length()));
                        if ("PULLBACK_RECOMMENDED".equals(warning.path("kind").asText())) {
                            streamed.putIfAbsent(warning.get("programmeId").asText(), arrived);
                        }
                    } catch (java.io.IOException notJson) {
                        throw new IllegalStateException("not a warning on the stream: " + line, notJson);
                    }
                });
            }
        });
        Thread.sleep(500); // the subscription is in place before the first review
    }
}
