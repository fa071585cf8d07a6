package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.go.meti.aifund.platform.rest.Roles;

/** The ledger's hash chain: intact as written, and pointing at the row someone edited in the database. */
@QuarkusTest
class LedgerTamperTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aRowEditedBehindTheServicesBackIsNamedByTheVerification() throws Exception {
        String programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 100_000_000_000L);
        String tranche = planned(programme, consortium(programme), 2026, 5_000_000_000L);
        approve(programme, tranche).then().statusCode(200);
        disburse(programme, tranche).then().statusCode(200);
        String verification = "/api/programmes/{p}/ledger/verification";
        as(AUDITOR, Roles.AUDITOR).get(verification, programme).then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(5)).body("firstBrokenEntryId", nullValue());

        List<Map<String, Object>> entries = as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger", programme)
                .then().extract().jsonPath().getList("items");
        Number approval = (Number) entries.stream().filter(e -> "TRANCHE_APPROVED".equals(e.get("kind"))).findFirst()
                .orElseThrow().get("id");
        // someone with database access lowers the approved amount, past the append-only trigger
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_append_only");
            s.execute("UPDATE ledger_entry SET amount = 1 WHERE id = " + approval.longValue());
            s.execute("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_append_only");
        }

        as(AUDITOR, Roles.AUDITOR).get(verification, programme).then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenEntryId", equalTo(approval.intValue()))
                .body("reason", containsString("edited"));
        nedo().get(verification, programme).then().statusCode(403);
    }
}
