package jp.go.meti.aifund.funding.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.infra.testing.Contracts;

/**
 * milestone-service's events as funding-service receives them, each checked against its published
 * schema: a milestone defined, and the finalized or amended review that assesses it.
 */
public final class ResultEvents {

    public static final String MILESTONES = "aifund.milestone-events.v1";
    public static final String REVIEWS = "aifund.review-events.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultEvents() {
    }

    public static void publish(KafkaCompanion kafka, String topic, ObjectNode event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.get("partitionkey").asText(),
                event.toString());
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    private static ObjectNode envelope(String type, String subject, String programme) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/aifund/milestone-service")
                .put("type", type).put("subject", subject).put("time", Instant.now().toString())
                .put("datacontenttype", "application/json").put("partitionkey", programme);
        return e;
    }

    /** Milestone {@code code} of {@code fiscalYear}, implementing {@code goal} if not null. */
    public static ObjectNode milestoneDefined(String programme, String milestoneId, int fiscalYear, String code,
            String goal) {
        ObjectNode e = envelope("jp.go.meti.aifund.milestone.defined.v1", "milestone/" + milestoneId, programme);
        ObjectNode d = e.putObject("data");
        d.put("milestoneId", milestoneId).put("programmeId", programme).put("fiscalYear", fiscalYear).put("code", code)
                .put("version", 1).put("title", code + " title").put("unit", "parameters").put("direction", "AT_LEAST")
                .put("implementsGoal", goal).putNull("supersedes");
        assertThat(Contracts.violations(e)).isEmpty();
        return e;
    }

    /**
     * Revision {@code revision} of the finalized FY{@code fiscalYear} review with one milestone, {@code code}
     * (implementing {@code goal} if not null), at {@code achievement} ("1/1" is MET).
     */
    public static ObjectNode review(String programme, int fiscalYear, int revision, String code, String goal,
            String achievement) {
        String reviewId = UUID.randomUUID().toString();
        ObjectNode e = envelope("jp.go.meti.aifund.review." + (revision == 1 ? "finalized" : "amended") + ".v1",
                "review/" + reviewId, programme);
        ObjectNode d = e.putObject("data");
        d.put("reviewId", reviewId).put("programmeId", programme).put("fiscalYear", fiscalYear).put("revision", revision);
        if (revision > 1) {
            d.put("amends", UUID.randomUUID().toString()).put("amendmentReason", "corrected measurement");
        } else {
            d.putNull("amends");
        }
        boolean met = "1/1".equals(achievement);
        int basisPoints = jp.go.meti.aifund.kernel.Ratio.parse(achievement).floorBasisPoints();
        d.put("state", "FINALIZED").put("dueDate", (fiscalYear + 1) + "-06-30").put("scoreBasisPoints", basisPoints)
                .put("score", achievement).put("outcome", met ? "PASSED" : "FAILED").put("ruleVersion", "review-scoring/2");
        d.putObject("technicalEvaluation").put("agency", "NEDO").put("person", FundingApi.NEDO).put("at", Instant.now().toString());
        d.putObject("decision").put("agency", "METI").put("person", FundingApi.METI).put("at", Instant.now().toString());
        ObjectNode m = d.putArray("milestones").addObject();
        m.put("milestoneId", UUID.randomUUID().toString()).put("code", code).put("version", 1).put("title", "t")
                .put("metric", "m").put("unit", "parameters").put("direction", "AT_LEAST").put("target", "100")
                .put("threshold", "0").put("actual", "50").put("asOf", (fiscalYear + 1) + "-03-01")
                .put("assessment", met ? "MET" : basisPoints == 0 ? "MISSED" : "PARTIALLY_MET")
                .put("achievementBasisPoints", basisPoints).put("achievement", achievement).put("weightBasisPoints", 10000)
                .put("critical", false).putNull("recipientId").put("recordedBy", FundingApi.NEDO);
        m.putArray("evidence").addObject().put("uri", "https://nedo.example/r.pdf").put("title", "r")
                .put("digest", "sha256:" + "ab".repeat(32));
        if (goal != null) {
            m.putObject("goal").put("goalId", goal).put("code", "MODEL-SIZE").put("title", "Model size")
                    .put("unit", "parameters").put("direction", "AT_LEAST").put("finalTarget", "1000")
                    .put("finalThreshold", "1000").put("finalFiscalYear", 2030).putNull("finalDate")
                    .put("checkpointFiscalYear", fiscalYear).put("checkpointTarget", "100").putNull("projectedFinal")
                    .putNull("onTrack");
        }
        assertThat(Contracts.violations(e)).isEmpty();
        return e;
    }
}
