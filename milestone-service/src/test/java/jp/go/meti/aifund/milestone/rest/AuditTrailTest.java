package jp.go.meti.aifund.milestone.rest;

import static jp.go.meti.aifund.milestone.support.ReviewApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.go.meti.aifund.milestone.support.ReviewApi.Year;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Every decision of the review workflow is in the audit trail, who, when, what and why, for the
 * auditor; a refused one is not; and a row edited in the database breaks the chain where it was.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource db;

    @Test
    void decisionsAreChainedAndAnEditIsNamedByTheVerification() throws Exception {
        Year year = yearUnderReview(2026);
        year.submitted(80, 80, MEASURED_ON);
        refused(finalizeBy(nedo(), year.review()), 403, "forbidden");
        refused(finalizeBy(as(NEDO, Roles.METI_OFFICIAL), year.review()), 403, "four-eyes");
        finalizeBy(meti(), year.review()).then().statusCode(200);

        List<Map<String, Object>> trail = as("auditor.ito", Roles.AUDITOR)
                .get("/api/audit?subject={r}", year.review()).then().statusCode(200).extract().path("items");
        assertThat(trail).extracting(e -> e.get("action")).containsExactly("result.recorded", "result.recorded",
                "review.submitted", "review.finalized");
        assertThat(as("auditor.ito", Roles.AUDITOR).get("/api/audit?subject={p}&action=review.opened", year.programme())
                .then().extract().<List<?>>path("items")).hasSize(1);
        Map<String, Object> finalized = trail.get(3);
        assertThat(finalized.get("actor")).isEqualTo(METI);
        assertThat(finalized.get("details").toString()).contains("METI decision");
        as("auditor.ito", Roles.AUDITOR).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true));
        meti().get("/api/audit").then().statusCode(403);

        // someone with database access rewrites the reason of the decision, past the append-only trigger
        long id = ((Number) finalized.get("id")).longValue();
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_append_only");
            s.execute("UPDATE audit_entry SET details = replace(details, 'METI decision', 'METI had no choice') WHERE id = " + id);
            try {
                as("auditor.ito", Roles.AUDITOR).get("/api/audit/verification").then().statusCode(200)
                        .body("intact", equalTo(false)).body("firstBrokenEntryId", equalTo((int) id))
                        .body("reason", containsString("edited"));
            } finally { // the trail is shared by the other tests of this service
                s.execute("UPDATE audit_entry SET details = replace(details, 'METI had no choice', 'METI decision') WHERE id = " + id);
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_append_only");
            }
        }
        as("auditor.ito", Roles.AUDITOR).get("/api/audit/verification").then().body("intact", equalTo(true));
    }
}
