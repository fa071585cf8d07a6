package jp.go.meti.aifund.notification.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Review and tranche events exactly as milestone-service and funding-service publish them (the
 * tests validate them against contracts/ too), for a programme of the test.
 */
public final class Events {

    public static final long CEILING = 1_000_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong LEDGER = new AtomicLong(System.currentTimeMillis());

    private Events() {
    }

    public record Member(UUID id, String name, int shareBasisPoints) {
    }

    public record Milestone(String code, boolean critical, int weightBasisPoints, String actual, String assessment,
            int achievementBasisPoints) {
    }

    public static ObjectNode envelope(String source, String type, String subject, UUID programmeId) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", source).put("type", type)
                .put("subject", subject).put("time", Instant.now().toString()).put("datacontenttype", "application/json")
                .put("partitionkey", programmeId.toString());
        return e;
    }

    /** A tranche event of funding-service; {@code headroom} sets the programme's totals. */
    public static ObjectNode tranche(UUID programmeId, UUID trancheId, int fiscalYear, String state, long amount,
            long headroom, List<Member> members) {
        String change = switch (state) {
            case "PLANNED" -> "planned";
            case "APPROVED" -> "approved";
            case "ON_HOLD" -> "held";
            case "DISBURSED" -> "disbursed";
            default -> throw new IllegalArgumentException(state);
        };
        ObjectNode e = envelope("/aifund/funding-service", "jp.go.meti.aifund.tranche." + change + ".v1",
                "tranche/" + trancheId, programmeId);
        ObjectNode d = e.putObject("data");
        d.put("programmeId", programmeId.toString()).put("trancheId", trancheId.toString()).put("fiscalYear", fiscalYear)
                .put("recipientId", UUID.nameUUIDFromBytes("Noetra".getBytes()).toString()).put("state", state)
                .put("amount", amount).put("originalAmount", amount).put("recoveredAmount", 0)
                .put("gatedByReviewYear", fiscalYear - 1);
        d.putObject("change").put("ledgerEntryId", LEDGER.incrementAndGet())
                .put("kind", "TRANCHE_" + (change.equals("held") ? "HELD" : state)).put("amount", amount)
                .put("actor", "nedo.tanaka").put("recordedAt", Instant.now().toString());
        long outstanding = CEILING - headroom;
        d.putObject("programme").put("ceiling", CEILING).put("planned", amount).put("committed", outstanding)
                .put("disbursed", 0).put("recovered", 0).put("headroom", headroom);
        ArrayNode m = d.putArray("consortiumMembers");
        members.forEach(x -> m.addObject().put("recipientId", x.id().toString()).put("name", x.name())
                .put("shareBasisPoints", x.shareBasisPoints()));
        return e;
    }

    /**
     * A programme event of funding-service: the programme's whole state after the change, here with
     * one envelope per fiscal year given ({@code planned} split evenly is not needed: the first
     * year's envelope holds it all).
     */
    public static ObjectNode programme(String change, UUID programmeId, String name, long sequence, Long ledgerEntryId,
            long planned) {
        ObjectNode e = envelope("/aifund/funding-service", "jp.go.meti.aifund.programme." + change + ".v1",
                "programme/" + programmeId, programmeId);
        ObjectNode d = e.putObject("data");
        d.put("programmeId", programmeId.toString()).put("name", name).put("ceiling", CEILING)
                .put("firstFiscalYear", 2026).put("lastFiscalYear", 2030).put("commissioningMinistry", "METI")
                .put("executingAgency", "NEDO").put("sequence", sequence);
        d.putObject("totals").put("ceiling", CEILING).put("planned", planned).put("committed", 0).put("disbursed", 0)
                .put("recovered", 0).put("headroom", CEILING);
        ArrayNode envelopes = d.putArray("envelopes");
        if (planned > 0) {
            envelopes.addObject().put("fiscalYear", 2026).put("amount", planned).put("committed", 0)
                    .put("disbursed", 0).put("recovered", 0).put("gate", "NOT_GATED");
        }
        d.putArray("recipients");
        ObjectNode c = d.putObject("change").put("kind", change.toUpperCase(java.util.Locale.ROOT).replace('-', '_')
                .replace("CREATED", "PROGRAMME_CREATED"));
        if (change.equals("envelope-set")) {
            c.put("fiscalYear", 2026);
        } else {
            c.putNull("fiscalYear");
        }
        c.putNull("recipientId").put("actor", "admin.sato").putNull("reason").put("recordedAt", Instant.now().toString());
        if (ledgerEntryId == null) {
            c.putNull("ledgerEntryId");
        } else {
            c.put("ledgerEntryId", ledgerEntryId);
        }
        return e;
    }

    /** The next ledger entry id, as funding-service's ledger would give it. */
    public static long nextLedgerEntry() {
        return LEDGER.incrementAndGet();
    }

    /** A review event of milestone-service; the milestones carry their computed figures. */
    public static ObjectNode review(String kind, UUID programmeId, UUID reviewId, int fiscalYear, int score,
            String outcome, List<Milestone> milestones) {
        ObjectNode e = envelope("/aifund/milestone-service", "jp.go.meti.aifund.review." + kind + ".v1",
                "review/" + reviewId, programmeId);
        ObjectNode d = e.putObject("data");
        d.put("reviewId", reviewId.toString()).put("programmeId", programmeId.toString()).put("fiscalYear", fiscalYear)
                .put("revision", 1).putNull("amends").putNull("amendmentReason")
                .put("state", kind.equals("submitted") ? "SUBMITTED" : "FINALIZED")
                .put("dueDate", LocalDate.of(fiscalYear + 1, 6, 30).toString());
        d.putObject("technicalEvaluation").put("agency", "NEDO").put("person", "nedo.tanaka")
                .put("at", Instant.now().toString());
        if (kind.equals("submitted")) {
            d.putNull("decision");
        } else {
            d.putObject("decision").put("agency", "METI").put("person", "meti.suzuki").put("at", Instant.now().toString());
        }
        d.put("scoreBasisPoints", score).put("outcome", outcome).put("ruleVersion", "review-scoring/1");
        ArrayNode ms = d.putArray("milestones");
        for (Milestone m : milestones) {
            ObjectNode n = ms.addObject();
            n.put("milestoneId", UUID.randomUUID().toString()).put("code", m.code()).put("version", 1)
                    .put("title", m.code()).put("metric", m.code()).put("unit", "points").put("direction", "AT_LEAST")
                    .put("target", "80").put("threshold", "60").put("actual", m.actual()).put("asOf", "2027-03-01")
                    .put("assessment", m.assessment()).put("achievementBasisPoints", m.achievementBasisPoints())
                    .put("weightBasisPoints", m.weightBasisPoints()).put("critical", m.critical())
                    .putNull("recipientId").put("recordedBy", "nedo.tanaka");
            n.putArray("evidence").addObject().put("uri", "https://nedo.example/e.pdf").put("title", "Report")
                    .put("digest", "sha256:" + "ab".repeat(32));
        }
        return e;
    }

    /**
     * The review event with its first milestone implementing the reviewed year's checkpoint of an
     * AT_LEAST goal of a trillion by FY2030, as milestone-service projects it.
     */
    public static ObjectNode implementingGoal(ObjectNode review, UUID goalId, String code, String checkpointTarget,
            String projectedFinal, boolean onTrack) {
        ObjectNode m = (ObjectNode) review.at("/data/milestones/0");
        m.putObject("goal").put("goalId", goalId.toString()).put("code", code).put("title", "Model size")
                .put("unit", "points").put("direction", "AT_LEAST").put("finalTarget", "1000000000000")
                .put("finalThreshold", "1000000000000").put("finalFiscalYear", 2030).putNull("finalDate")
                .put("checkpointFiscalYear", review.at("/data/fiscalYear").asInt()).put("checkpointTarget", checkpointTarget)
                .put("projectedFinal", projectedFinal).put("onTrack", onTrack);
        return review;
    }
}
