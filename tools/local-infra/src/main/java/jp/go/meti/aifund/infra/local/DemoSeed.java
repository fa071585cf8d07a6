package jp.go.meti.aifund.infra.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The programme from the news, entered through the public APIs as its people would: ¥1 trillion
 * for a sovereign multimodal foundation model for physical AI, FY2026–FY2030, METI commissioning,
 * NEDO executing, the Noetra consortium. Every result is verified by an independent verification agent
 * before METI decides, and Honda reports its own robot pilots, which NEDO accepts. FY2026 is reviewed and passes (FY2027's gate opens and its
 * money goes out); FY2027 misses its critical parameter target, a pullback warning appears and
 * FY2028's tranches go on hold; a reduction is proposed, the consortium is given notice and answers, and the
 * decision awaits its confirmation. Two goals span the years, a trillion
 * parameters by FY2030 and 10 million robots by 2040, with FY2027's results projecting both short.
 * One FY2028 tranche is result-linked: the FY2027 robot pilots earn 16/25 of it, paid, and the rest
 * rolls over to the robots goal's FY2028 checkpoint. FY2026 and FY2027 are closed, FY2027's unpaid
 * tranche carried over to FY2028 by decision first.
 * Played on a clock set to May 2028.
 */
public final class DemoSeed {

    /** The demo's "today": FY2027 is over and its review is being finalized. */
    public static final String CLOCK_START = "2028-05-20T01:00:00Z";
    static final String PROGRAMME_NAME = "Sovereign multimodal foundation model for physical AI";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final DevTokens tokens = new DevTokens();
    private final String funding;
    private final String milestones;
    /** The consortium member who reports the results of a recipient's milestones, by recipient id. */
    private final Map<String, String> reporters = new java.util.HashMap<>();

    DemoSeed(String funding, String milestones) {
        this.funding = funding;
        this.milestones = milestones;
    }

    /** Seeds once: a stack that already holds the programme is left as it is. Returns the programme's id. */
    String seedIfEmpty() throws Exception {
        JsonNode existing = call("admin.sato", "programme-admin", "GET", funding + "/api/programmes?size=200", null);
        for (JsonNode p : existing.get("items")) {
            if (PROGRAMME_NAME.equals(p.get("name").asText())) {
                System.out.println("[demo] the programme is already there: " + p.get("id").asText());
                return p.get("id").asText();
            }
        }
        String p = seed();
        System.out.println("[demo] seeded programme " + p);
        return p;
    }

    /** The id of the programme's recipient of that name (for the consortium member's token). */
    String recipientId(String programme, String name) throws Exception {
        for (JsonNode r : call("admin.sato", "programme-admin", "GET", funding + "/api/programmes/" + programme
                + "/recipients?size=200", null).get("items")) {
            if (name.equals(r.get("name").asText())) {
                return r.get("id").asText();
            }
        }
        throw new IllegalStateException("no recipient " + name + " in " + programme);
    }

    private String seed() throws Exception {
        String p = post("admin.sato", "programme-admin", funding + "/api/programmes", Map.of("name", PROGRAMME_NAME,
                "ceiling", 1_000_000_000_000L, "firstFiscalYear", 2026, "lastFiscalYear", 2030,
                "commissioningMinistry", "METI", "executingAgency", "NEDO")).get("id").asText();
        long[] envelopes = {100_000_000_000L, 200_000_000_000L, 250_000_000_000L, 250_000_000_000L, 200_000_000_000L};
        for (int i = 0; i < envelopes.length; i++) {
            call("admin.sato", "programme-admin", "PUT", funding + "/api/programmes/" + p + "/envelopes/" + (2026 + i),
                    Map.of("amount", envelopes[i]));
        }
        String noetra = recipient(p, Map.of("name", "Noetra", "role", "CONSORTIUM"));
        Map<String, Integer> members = Map.of("SoftBank", 4000, "NEC", 2500, "Sony Group", 2000, "Honda", 1500);
        Map<String, String> ids = new java.util.HashMap<>();
        for (String name : List.of("SoftBank", "NEC", "Sony Group", "Honda")) {
            ids.put(name, recipient(p, Map.of("name", name, "role", "MEMBER", "consortiumId", noetra,
                    "shareBasisPoints", members.get(name))));
        }
        // Fujitsu and Rakuten are weighing whether to join: recorded as prospective members, without a share
        for (String name : List.of("Fujitsu", "Rakuten")) {
            ids.put(name, recipient(p, Map.of("name", name, "role", "MEMBER", "consortiumId", noetra)));
        }
        // Fujitsu joins from FY2027; the news gives no shares, so these are illustrative (four eyes)
        String table = post("meti.yamada", "meti-official", funding + "/api/programmes/" + p + "/share-tables",
                Map.of("effectiveFrom", "2027-04-01", "reason", "Fujitsu joins from FY2027 (illustrative shares)",
                        "shares", List.of(share(ids, "SoftBank", 3400), share(ids, "NEC", 2100),
                                share(ids, "Sony Group", 1700), share(ids, "Honda", 1300), share(ids, "Fujitsu", 1500))),
                UUID.randomUUID().toString()).get("id").asText();
        call("meti.suzuki", "meti-official", "POST", funding + "/api/programmes/" + p + "/share-tables/" + table
                + "/confirm", Map.of("note", "consortium agreement signed"), UUID.randomUUID().toString());
        String aist = recipient(p, Map.of("name", "AIST", "role", "RESEARCH_PARTNER", "consortiumId", noetra));
        // milestone-service keeps a copy of the programmes from funding-service's events: it refuses the
        // milestones of a programme (and recipient) it does not know yet, so wait for the last one added
        await(() -> milestoneServiceCopy(p).contains(aist), "milestone-service's copy of the programme");
        // results count only once the independent verification agent has verified them
        call("admin.sato", "programme-admin", "PUT", milestones + "/api/programmes/" + p + "/review-settings",
                Map.of("verificationRequired", true));
        // Honda reports its own robot pilots, which NEDO accepts
        reporters.put(ids.get("Honda"), "member.honda");

        // the goals beyond a year, with a checkpoint each fiscal year, which the years' milestones implement
        String modelSize = goal(p, "MODEL-SIZE", "Model size", "parameters trained", "parameters", 1_000_000_000_000L,
                Map.of("finalFiscalYear", 2030), new long[] {100_000_000_000L, 300_000_000_000L, 500_000_000_000L,
                        750_000_000_000L, 1_000_000_000_000L});
        // 18 sectors by 2040 (restaurants, food manufacturing and medicine among the newly added; the rest illustrative)
        List<String> sectors = List.of("manufacturing", "logistics", "construction", "agriculture", "fisheries",
                "food manufacturing", "restaurants", "retail", "medicine", "nursing care", "pharmaceuticals",
                "energy", "infrastructure inspection", "mining", "transport", "cleaning", "security", "households");
        String robots = goal(p, "ROBOTS", "AI robots deployed", "robots deployed", "robots", 10_000_000L,
                Map.of("finalDate", "2040-03-31", "sectors", sectors), new long[] {100, 1_000, 5_000, 20_000, 50_000});

        List<String> fy2026 = tranches(p, noetra, 2026, 60_000_000_000L, 40_000_000_000L);
        fy2026.forEach(t -> {
            decide(p, t, "approve", "meti.suzuki", "meti-official");
            paid(p, t, "2026-10-01");
        });
        List<String> fy2027 = tranches(p, noetra, 2027, 120_000_000_000L, 80_000_000_000L);
        List<String> fy2028 = tranches(p, noetra, 2028, 150_000_000_000L, 100_000_000_000L);

        // FY2026: a multimodal model of 100 billion parameters, Japanese benchmarks, energy per run
        List<String[]> m2026 = List.of(
                milestone(p, 2026, "PARAMS", "Multimodal model trained (language, image, video, sensor)",
                        "parameters trained", "parameters", "AT_LEAST", 100_000_000_000L, 50_000_000_000L, 4000, true, null,
                        modelSize),
                milestone(p, 2026, "MODALITIES", "Modalities supported", "modalities", "modalities", "AT_LEAST", 4, 3,
                        2000, false, null, null),
                milestone(p, 2026, "JA-BENCH", "Japanese-language benchmark", "JGLUE average score", "points",
                        "AT_LEAST", 70, 55, 2000, false, null, null),
                milestone(p, 2026, "ENERGY", "Data-centre energy per training run", "energy per run", "MWh",
                        "AT_MOST", 900, 1200, 2000, false, null, null));
        review(p, 2026, m2026, new Object[] {112_000_000_000L, 4, 72, 880}, "2027-03-20");
        await(() -> gate(p, 2027).equals("OPEN"), "FY2027's gate to open on the passed FY2026 review");
        fy2027.forEach(t -> decide(p, t, "approve", "meti.suzuki", "meti-official"));
        paid(p, fy2027.get(0), "2027-10-01");

        // FY2027: 300 billion parameters, robots in pilot deployment (Honda), sectors, benchmarks, energy
        List<String[]> m2027 = List.of(
                milestone(p, 2027, "PARAMS", "Multimodal model scaled up", "parameters trained", "parameters",
                        "AT_LEAST", 300_000_000_000L, 200_000_000_000L, 3500, true, null, modelSize),
                milestone(p, 2027, "ROBOT-PILOTS", "Robots in pilot deployment", "robots deployed", "robots",
                        "AT_LEAST", 1000, 500, 2500, true, ids.get("Honda"), robots),
                milestone(p, 2027, "SECTORS", "Sectors covered by pilots (goal: 18 by 2040)", "sectors", "sectors",
                        "AT_LEAST", 6, 4, 1000, false, null, null),
                milestone(p, 2027, "JA-BENCH", "Japanese-language benchmark", "JGLUE average score", "points",
                        "AT_LEAST", 78, 65, 2000, false, null, null),
                milestone(p, 2027, "ENERGY", "Data-centre energy per training run", "energy per run", "MWh",
                        "AT_MOST", 800, 1100, 1000, false, null, null));
        // money tied to results (as in the World Bank's Program-for-Results): ¥50 billion of FY2028 paid by the FY2027
        // robot pilots, SCALABLE, the unearned part rolling over to the robots goal's next checkpoint until FY2030
        String resultLinked = resultLinked(p, ids.get("Honda"), 2028, 50_000_000_000L, m2027.get(1)[0], 2030);
        // 180e9 of a planned 300e9 projects 600e9 parameters by FY2030; 820 of 1,000 robots, 8.2 million by 2040
        review(p, 2027, m2027, new Object[] {180_000_000_000L, 820, 5, 74, 950}, "2028-03-25");
        await(() -> fy2028.stream().allMatch(t -> "ON_HOLD".equals(state(p, t))),
                "FY2028's tranches to go on hold on the pullback recommendation");
        // the ministry proposes to reduce them as recommended: first the consortium is heard (弁明の機会); a member
        // answers, and the decision awaits its confirmation by another official
        String pullback = call("meti.yamada", "meti-official", "GET", funding + "/api/programmes/" + p + "/pullbacks", null)
                .at("/items/0/id").asText();
        call("meti.yamada", "meti-official", "POST", funding + "/api/programmes/" + p + "/pullbacks/" + pullback
                + "/decision", Map.of("decision", "REDUCE_BY_RECOMMENDATION", "reason", "FY2027 missed its critical "
                        + "parameter target; reduce FY2028 as the policy recommends"));
        String hearing = call("admin.sato", "programme-admin", "GET", funding + "/api/programmes/" + p
                + "/hearings?subjectId=" + pullback, null).at("/items/0/id").asText();
        bySony(ids, p, "/hearings/" + hearing + "/response", Map.of("response", "Noetra asks that the reduction spare "
                + "the robot pilots, which met 82 % of their target; the revised training plan reaches 300 billion "
                + "parameters by September 2028.", "evidence", List.of(Map.of("uri",
                        "https://noetra.example/fy2028/revised-plan.pdf", "title", "Revised FY2028 training plan",
                        "digest", "sha256:" + "1e".repeat(32)))));
        // 820 robots: (820 − 500) / (1,000 − 500) = 16/25 achieved, so ⌊¥50,000,000,000 × 16/25⌋ = ¥32,000,000,000
        // is earned and paid; ¥18,000,000,000 rolls over to an FY2029 tranche paid by the FY2028 checkpoint
        await(() -> !trancheOf(p, resultLinked).at("/resultLink/awaitingResult").asBoolean(true),
                "the result-linked tranche to earn its part on the finalized FY2027 review");
        decide(p, resultLinked, "approve", "meti.suzuki", "meti-official");
        decide(p, resultLinked, "disburse", "nedo.tanaka", "nedo-officer");

        // the budget years close: FY2026 was fully paid; FY2027's second tranche, approved but unpaid on
        // 31 March, is carried over to FY2028 by a four-eyes decision (繰越), then FY2027 closes too
        close(p, 2026);
        String carryOver = post("meti.yamada", "meti-official", funding + "/api/programmes/" + p + "/budget-decisions",
                Map.of("kind", "CARRY_OVER", "fiscalYear", 2027, "amount", 0, "trancheIds", List.of(fy2027.get(1)),
                        "reason", "Data-centre construction delayed past 31 March 2028"), UUID.randomUUID().toString())
                .get("id").asText();
        call("meti.suzuki", "meti-official", "POST", funding + "/api/programmes/" + p + "/budget-decisions/" + carryOver
                + "/confirm", Map.of("note", "carry-over approved"), UUID.randomUUID().toString());
        close(p, 2027);

        // an audit of FY2026 finds ¥1,000,000,000 of compute ineligible: METI proposes to order it back, the
        // consortium is heard (Sony answers) and another official confirms the order; repaid with the statutory
        // interest, it goes to the treasury (国庫返納), no headroom until METI re-appropriates it into FY2029 by a
        // four-eyes decision
        String tranche = funding + "/api/programmes/" + p + "/tranches/" + fy2026.get(1);
        String ordering = post("meti.suzuki", "meti-official", tranche + "/decisions", Map.of("action", "ORDER_RETURN",
                "returnAmount", 1_000_000_000L, "returnDeadline", "2028-06-30", "reason",
                "FY2026 audit: compute not used for the programme"), UUID.randomUUID().toString()).get("id").asText();
        String notice = call("admin.sato", "programme-admin", "GET", funding + "/api/programmes/" + p
                + "/hearings?subjectId=" + ordering, null).at("/items/0/id").asText();
        bySony(ids, p, "/hearings/" + notice + "/response", Map.of("response", "The compute in question ran the "
                + "programme's evaluation suite; the logs are attached.", "evidence", List.of(Map.of("uri",
                        "https://noetra.example/fy2026/compute-logs.zip", "title", "FY2026 compute logs", "digest",
                        "sha256:" + "2f".repeat(32)))));
        String order = post("meti.yamada", "meti-official", tranche + "/decisions/" + ordering + "/confirm",
                Map.of("note", "response considered: the logs show training runs outside the programme"),
                UUID.randomUUID().toString()).get("returnOrderId").asText();
        post("meti.suzuki", "meti-official", tranche + "/return-orders/" + order + "/settle",
                Map.of("repaidOn", "2028-05-20"));
        String reappropriation = post("meti.yamada", "meti-official", funding + "/api/programmes/" + p
                + "/budget-decisions", Map.of("kind", "REAPPROPRIATION", "fiscalYear", 2029, "amount", 1_000_000_000L,
                        "reason", "Returned FY2026 funds re-appropriated to FY2029 evaluation compute"),
                UUID.randomUUID().toString()).get("id").asText();
        call("meti.suzuki", "meti-official", "POST", funding + "/api/programmes/" + p + "/budget-decisions/"
                + reappropriation + "/confirm", Map.of("note", "re-appropriation approved"), UUID.randomUUID().toString());
        // Noetra objects to the order (審査請求); an official who neither proposed nor confirmed it dismisses it
        bySony(ids, p, "/hearings/" + notice + "/objection", Map.of("grounds", "The runs were the programme's "
                + "evaluation, which the grant's terms include."));
        call("meti.sato", "meti-official", "POST", funding + "/api/programmes/" + p + "/hearings/" + notice
                + "/objection/ruling", Map.of("outcome", "DISMISSED", "reasons", "The terms cover evaluation of the "
                        + "programme's models; the runs trained a model outside it."), UUID.randomUUID().toString());
        return p;
    }

    /** Sony Group's member acting for it (so for its consortium Noetra) writes {@code body} to the programme's {@code path}. */
    private void bySony(Map<String, String> ids, String p, String path, Object body) throws IOException,
            InterruptedException {
        checked(sendWith(tokens.mint("member.sony", "consortium-member", List.of(ids.get("Sony Group")),
                Duration.ofMinutes(10)), "POST", funding + "/api/programmes/" + p + path, body,
                UUID.randomUUID().toString()));
    }

    private static Map<String, Object> share(Map<String, String> ids, String member, int basisPoints) {
        return Map.of("recipientId", ids.get(member), "shareBasisPoints", basisPoints);
    }

    private String recipient(String p, Map<String, ?> body) throws IOException, InterruptedException {
        return post("admin.sato", "programme-admin", funding + "/api/programmes/" + p + "/recipients", body).get("id").asText();
    }

    private List<String> tranches(String p, String recipient, int fy, long... amounts) throws Exception {
        List<String> ids = new ArrayList<>();
        for (long amount : amounts) {
            ids.add(call("nedo.tanaka", "nedo-officer", "POST", funding + "/api/programmes/" + p + "/tranches",
                    Map.of("fiscalYear", fy, "recipientId", recipient, "amount", amount,
                            "description", "FY" + fy + " compute and research"), UUID.randomUUID().toString())
                    .get("id").asText());
        }
        return ids;
    }

    /** Plans it once funding-service's copy of milestone-service's milestones has {@code milestone}. */
    private String resultLinked(String p, String recipient, int fy, long allocation, String milestone, int rollOverUntil)
            throws Exception {
        Map<String, Object> body = Map.of("fiscalYear", fy, "recipientId", recipient, "amount", allocation,
                "description", "FY" + fy + " paid by the FY" + (fy - 1) + " robot pilots", "resultLink",
                Map.of("milestoneId", milestone, "rule", "SCALABLE", "rollOverUntil", rollOverUntil));
        String[] id = new String[1];
        await(() -> {
            HttpResponse<String> r = send("nedo.tanaka", "nedo-officer", "POST", funding + "/api/programmes/" + p
                    + "/tranches", body, UUID.randomUUID().toString());
            id[0] = r.statusCode() == 201 ? JSON.readTree(r.body()).get("id").asText() : null;
            return id[0] != null;
        }, "funding-service's copy of the milestone");
        return id[0];
    }

    private void close(String p, int fy) throws IOException, InterruptedException {
        call("meti.suzuki", "meti-official", "POST", funding + "/api/programmes/" + p + "/envelopes/" + fy + "/close", null);
    }

    private JsonNode trancheOf(String p, String t) throws IOException, InterruptedException {
        return call("auditor.ito", "auditor", "GET", funding + "/api/programmes/" + p + "/tranches/" + t, null);
    }

    private void decide(String p, String t, String action, String person, String role) {
        decide(p, t, action, person, role, Map.of());
    }

    /** Paid on {@code paidOn}, a day of the tranche's fiscal year (the demo records it later, on its clock). */
    private void paid(String p, String t, String paidOn) {
        decide(p, t, "disburse", "nedo.tanaka", "nedo-officer", Map.of("disbursedOn", paidOn));
    }

    private void decide(String p, String t, String action, String person, String role, Map<String, ?> body) {
        try {
            call(person, role, "POST", funding + "/api/programmes/" + p + "/tranches/" + t + "/" + action, body,
                    UUID.randomUUID().toString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An AT_LEAST goal of the programme with a checkpoint each year from FY2026; {@code due}: its final year or date. */
    private String goal(String p, String code, String title, String metric, String unit, long finalTarget,
            Map<String, ?> due, long[] checkpoints) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "title", title, "metric", metric,
                "unit", unit, "direction", "AT_LEAST", "finalTarget", finalTarget));
        body.putAll(due);
        List<Map<String, Object>> trajectory = new ArrayList<>();
        for (int i = 0; i < checkpoints.length; i++) {
            trajectory.add(Map.of("fiscalYear", 2026 + i, "target", checkpoints[i]));
        }
        body.put("checkpoints", trajectory);
        return post("nedo.tanaka", "nedo-officer", milestones + "/api/programmes/" + p + "/goals", body).get("id").asText();
    }

    /** {@code goal}: the goal whose checkpoint of the year it implements, if any. */
    private String[] milestone(String p, int fy, String code, String title, String metric, String unit,
            String direction, long target, long threshold, int weight, boolean critical, String recipient, String goal)
            throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "title", title, "metric", metric,
                "unit", unit, "direction", direction, "target", target, "threshold", threshold,
                "weightBasisPoints", weight, "critical", critical));
        if (recipient != null) {
            body.put("recipientId", recipient);
        }
        if (goal != null) {
            body.put("implementsGoal", goal);
        }
        String id = post("nedo.tanaka", "nedo-officer", milestones + "/api/programmes/" + p + "/fiscal-years/" + fy
                + "/milestones", body).get("id").asText();
        return new String[] {id, unit, recipient};
    }

    /**
     * A year's review: NEDO records each result, save those of a milestone a member is responsible for, which the
     * member's recipient reports and NEDO accepts; after the submission the independent verifier verifies every
     * result (the programme requires it), then METI decides.
     */
    private void review(String p, int fy, List<String[]> milestonesOfYear, Object[] values, String asOf)
            throws Exception {
        String r = call("nedo.tanaka", "nedo-officer", "POST", milestones + "/api/programmes/" + p + "/fiscal-years/"
                + fy + "/reviews", null).get("id").asText();
        for (int i = 0; i < milestonesOfYear.size(); i++) {
            String[] m = milestonesOfYear.get(i);
            Map<String, Object> result = Map.of("value", values[i], "unit", m[1], "asOf", asOf, "evidence", List.of(
                    Map.of("uri", "https://www.nedo.go.jp/evaluation/fy" + fy + "/" + m[0] + ".pdf",
                            "title", "NEDO technical evaluation FY" + fy, "digest", "sha256:" + "0f".repeat(32))));
            String reporter = m[2] == null ? null : reporters.get(m[2]);
            if (reporter == null) {
                call("nedo.tanaka", "nedo-officer", "PUT", milestones + "/api/reviews/" + r + "/results/" + m[0], result);
            } else {
                checked(sendWith(tokens.mint(reporter, "consortium-member", List.of(m[2]), Duration.ofMinutes(10)),
                        "PUT", milestones + "/api/reviews/" + r + "/result-drafts/" + m[0], result, null));
                call("nedo.tanaka", "nedo-officer", "POST", milestones + "/api/reviews/" + r + "/result-drafts/" + m[0]
                        + "/accept", null);
            }
        }
        call("nedo.tanaka", "nedo-officer", "POST", milestones + "/api/reviews/" + r + "/submit", null);
        for (String[] m : milestonesOfYear) {
            call("verifier.kato", "verifier", "PUT", milestones + "/api/reviews/" + r + "/results/" + m[0]
                    + "/verification", Map.of("verdict", "VERIFIED", "reason", "Evidence checked against the "
                            + "training logs and the site visit of FY" + fy));
        }
        call("meti.suzuki", "meti-official", "POST", milestones + "/api/reviews/" + r + "/finalize",
                Map.of("note", "METI decision on the FY" + fy + " annual review"));
    }

    private String gate(String p, int fy) throws Exception {
        for (JsonNode e : call("auditor.ito", "auditor", "GET", funding + "/api/programmes/" + p + "/envelopes", null).get("items")) {
            if (e.get("fiscalYear").asInt() == fy) {
                return e.get("gate").asText();
            }
        }
        return "";
    }

    private String state(String p, String t) {
        try {
            return trancheOf(p, t).get("state").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** milestone-service's copy of the programme as JSON text, empty while it does not know it. */
    private String milestoneServiceCopy(String p) throws Exception {
        HttpResponse<String> copy = send("auditor.ito", "auditor", "GET", milestones + "/api/programmes/" + p, null, null);
        return copy.statusCode() == 200 ? copy.body() : "";
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    private JsonNode post(String person, String role, String url, Object body) throws IOException, InterruptedException {
        return call(person, role, "POST", url, body);
    }

    private JsonNode post(String person, String role, String url, Object body, String key)
            throws IOException, InterruptedException {
        return call(person, role, "POST", url, body, key);
    }

    private JsonNode call(String person, String role, String method, String url, Object body)
            throws IOException, InterruptedException {
        return call(person, role, method, url, body, null);
    }

    private JsonNode call(String person, String role, String method, String url, Object body, String key)
            throws IOException, InterruptedException {
        return checked(send(person, role, method, url, body, key));
    }

    private static JsonNode checked(HttpResponse<String> response) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String person, String role, String method, String url, Object body, String key)
            throws IOException, InterruptedException {
        return sendWith(tokens.mint(person, role, Duration.ofMinutes(10)), method, url, body, key);
    }

    private HttpResponse<String> sendWith(String token, String method, String url, Object body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
