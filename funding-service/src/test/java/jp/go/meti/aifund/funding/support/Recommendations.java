package jp.go.meti.aifund.funding.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.kernel.Ratio;

/** notification-service's pullback recommendations as funding-service receives them, each checked against its schema. */
public final class Recommendations {

    public static final String TOPIC = "aifund.pullback-recommendations.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Recommendations() {
    }

    /**
     * A recommendation on the FY{@code reviewedFiscalYear} review at {@code score}, whose figures
     * ({@code estimatedPlanned}, a reduction of 1) are a stale estimate on purpose: funding-service must act on
     * the score and its own tranches, never on them.
     */
    public static ObjectNode recommended(String programme, String score, int reviewedFiscalYear, long estimatedPlanned) {
        ObjectNode e = JSON.createObjectNode();
        String id = UUID.randomUUID().toString();
        e.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/aifund/notification-service")
                .put("type", "jp.go.meti.aifund.pullback.recommended.v1").put("subject", "recommendation/" + id)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json")
                .put("partitionkey", programme);
        ObjectNode d = e.putObject("data");
        d.put("recommendationId", id).put("programmeId", programme).put("reviewId", UUID.randomUUID().toString())
                .put("reviewedFiscalYear", reviewedFiscalYear).put("affectedFiscalYear", reviewedFiscalYear + 1)
                .put("scoreBasisPoints", Ratio.parse(score).floorBasisPoints()).put("score", score)
                .put("plannedAmount", estimatedPlanned).put("recommendedReduction", 1).put("estimateAsOfLedgerEntryId", 1)
                .put("policyVersion", "pullback-policy/2;ceiling-near=1000bp;reminder=30d");
        d.putArray("criticalMissed").add("PARAMS");
        d.putArray("parts");
        d.putArray("causeEventIds").add(UUID.randomUUID().toString());
        assertThat(Contracts.violations(e)).isEmpty();
        return e;
    }
}
