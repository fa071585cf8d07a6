package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.go.meti.aifund.infra.testing.BareRequests;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.platform.rest.Problem;
import jp.go.meti.aifund.platform.rest.Roles;

@QuarkusTest
class TrancheLifecycleTest {

    private static final long CEILING = 1_000_000_000_000L;
    private static final long FY2026 = 150_000_000_000L;
    private static final long FY2027 = 200_000_000_000L;
    private static final long TRANCHE = 50_000_000_000L;

    private String programme;
    private String noetra;

    @BeforeEach
    void setUpProgramme() {
        programme = programme(CEILING);
        envelope(programme, 2026, FY2026);
        envelope(programme, 2027, FY2027);
        noetra = consortium(programme);
    }

    @Test
    void planApproveDisburseMovesTheMoneyAndKeepsTheHeadroomTrue() {
        String tranche = planned(programme, noetra, 2026, TRANCHE);
        assertThat(programmeTotals(programme)).containsEntry("committed", 0).containsEntry("headroom", CEILING);

        approve(programme, tranche).then().statusCode(200).body("state", equalTo("APPROVED"))
                .body("approvedBy", equalTo(METI));
        assertThat(programmeTotals(programme)).containsEntry("committed", TRANCHE)
                .containsEntry("headroom", CEILING - TRANCHE).containsEntry("planned", FY2026 + FY2027);

        disburse(programme, tranche).then().statusCode(200).body("state", equalTo("DISBURSED"))
                .body("disbursedBy", equalTo(NEDO));
        assertThat(programmeTotals(programme)).containsEntry("committed", 0).containsEntry("disbursed", TRANCHE)
                .containsEntry("headroom", CEILING - TRANCHE);

        List<Map<String, Object>> ledger = as(AUDITOR, Roles.AUDITOR)
                .get("/api/programmes/{p}/ledger?trancheId={t}", programme, tranche)
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(ledger).extracting(e -> e.get("kind"))
                .containsExactly("TRANCHE_PLANNED", "TRANCHE_APPROVED", "TRANCHE_DISBURSED");
        assertThat(ledger.get(2)).containsEntry("actor", NEDO);
        assertThat((Map<String, Object>) ledger.get(2).get("after")).containsEntry("disbursed", TRANCHE);
    }

    @Test
    void decisionsWithoutAReasonNeedNoBodyAndNoContentType() {
        String tranche = planned(programme, noetra, 2026, TRANCHE);
        int status = BareRequests.postWithoutBody(url("/api/programmes/" + programme + "/tranches/" + tranche + "/approve"),
                Tokens.of(METI, Roles.METI_OFFICIAL), "Idempotency-Key", key());
        assertThat(status).isEqualTo(200);
        assertThat(programmeTotals(programme)).containsEntry("committed", TRANCHE);
    }

    @Test
    void theRequesterCannotApproveAndTheApproverCannotDisburse() {
        String tranche = planned(programme, noetra, 2026, TRANCHE);
        String both = Tokens.of(NEDO, Roles.NEDO_OFFICER, Roles.METI_OFFICIAL);
        act(io.restassured.RestAssured.given().auth().oauth2(both).contentType("application/json"),
                programme, tranche, "approve", Map.of())
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("type", equalTo(Problem.TYPE_BASE + "four-eyes"));

        approve(programme, tranche).then().statusCode(200);
        String approverAsNedo = Tokens.of(METI, Roles.NEDO_OFFICER);
        act(io.restassured.RestAssured.given().auth().oauth2(approverAsNedo).contentType("application/json"),
                programme, tranche, "disburse", Map.of())
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("another person"));
        assertThat(programmeTotals(programme)).containsEntry("disbursed", 0);
    }

    @Test
    void aTrancheOfTheNextYearWaitsForItsGateUntilAMinistryDecisionOpensIt() {
        String tranche = planned(programme, noetra, 2027, TRANCHE);
        as(NEDO, Roles.NEDO_OFFICER).get("/api/programmes/{p}/tranches/{t}", programme, tranche)
                .then().body("gatedByReviewYear", equalTo(2026));

        approve(programme, tranche).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", org.hamcrest.Matchers.containsString("FY2026 review"));

        meti().body(Map.of("reason", "Ministerial decision 2027-04-10: continue pending review"))
                .post("/api/programmes/{p}/envelopes/2027/gate-override", programme)
                .then().statusCode(200).body("gate", equalTo("OPEN")).body("gateSetBy", equalTo(METI));
        approve(programme, tranche).then().statusCode(200).body("state", equalTo("APPROVED"));
    }

    @Test
    void aHeldTrancheCanBeNeitherApprovedNorDisbursedUntilReleased() {
        String tranche = planned(programme, noetra, 2026, TRANCHE);
        approve(programme, tranche).then().statusCode(200);
        act(meti(), programme, tranche, "hold", Map.of("reason", "pullback recommended")).then().statusCode(200)
                .body("state", equalTo("ON_HOLD")).body("stateBeforeHold", equalTo("APPROVED"));

        disburse(programme, tranche).then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("ON_HOLD"));
        assertThat(programmeTotals(programme)).containsEntry("committed", TRANCHE);

        act(meti(), programme, tranche, "release", Map.of("reason", "decision: lift")).then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        disburse(programme, tranche).then().statusCode(200);
    }

    @Test
    void reducingOrCancellingCommittedMoneyReturnsItToTheHeadroom() {
        String reduced = planned(programme, noetra, 2026, TRANCHE);
        String cancelled = planned(programme, noetra, 2026, TRANCHE);
        approve(programme, reduced).then().statusCode(200);
        approve(programme, cancelled).then().statusCode(200);

        // approved money is cut by a decision the recipient is heard on (TrancheDecisionTest has the hearing)
        decided(programme, reduced, Map.of("action", "REDUCE", "newAmount", 30_000_000_000L, "reason", "FY2026 missed"));
        decided(programme, cancelled, Map.of("action", "CANCEL", "reason", "withdrawn"));
        admin().get("/api/programmes/{p}/tranches/{t}", programme, reduced).then().body("state", equalTo("REDUCED"))
                .body("amount", equalTo(30_000_000_000L)).body("originalAmount", equalTo(TRANCHE));
        admin().get("/api/programmes/{p}/tranches/{t}", programme, cancelled).then().body("state", equalTo("CANCELLED"));

        assertThat(programmeTotals(programme)).containsEntry("committed", 30_000_000_000L)
                .containsEntry("headroom", CEILING - 30_000_000_000L);
        disburse(programme, reduced).then().statusCode(200).body("state", equalTo("DISBURSED"));
        assertThat(programmeTotals(programme)).containsEntry("disbursed", 30_000_000_000L);
    }

    @Test
    void recoveredMoneyGoesToTheTreasuryAndCannotExceedWhatWasPaid() {
        String tranche = planned(programme, noetra, 2026, TRANCHE);
        approve(programme, tranche).then().statusCode(200);
        disburse(programme, tranche).then().statusCode(200);

        act(meti(), programme, tranche, "recover", Map.of("amount", 20_000_000_000L, "reason", "return order 1"))
                .then().statusCode(200).body("state", equalTo("RECOVERED")).body("recoveredAmount", equalTo(20_000_000_000L));
        act(meti(), programme, tranche, "recover", Map.of("amount", 30_000_000_001L, "reason", "too much"))
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));

        assertThat(programmeTotals(programme)).containsEntry("recovered", 20_000_000_000L)
                .containsEntry("returnedToTreasury", 20_000_000_000L).containsEntry("headroom", CEILING - TRANCHE);
    }

    @Test
    void envelopesTogetherStayWithinTheCeiling() {
        admin().body(Map.of("amount", CEILING - FY2026 - FY2027 + 1)).put("/api/programmes/{p}/envelopes/2028", programme)
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("type", equalTo(Problem.TYPE_BASE + "limit-exceeded"));
        admin().body(Map.of("amount", CEILING - FY2026 - FY2027)).put("/api/programmes/{p}/envelopes/2028", programme)
                .then().statusCode(200).body("headroom", equalTo(CEILING - FY2026 - FY2027))
                .body("startsOn", equalTo("2028-04-01")).body("endsOn", equalTo("2029-03-31"));
        assertThat(programmeTotals(programme)).containsEntry("planned", CEILING);
    }

    @Test
    void listsArePagedAndFiltered() {
        for (int i = 0; i < 3; i++) {
            planned(programme, noetra, 2026, TRANCHE);
        }
        planned(programme, noetra, 2027, TRANCHE);
        nedo().get("/api/programmes/{p}/tranches?fiscalYear=2026&size=2&page=1", programme).then().statusCode(200)
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].fiscalYear", equalTo(2026));
        nedo().get("/api/programmes/{p}/tranches?state=APPROVED", programme).then().body("totalItems", equalTo(0));
    }
}
