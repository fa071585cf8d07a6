package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import jp.go.meti.aifund.platform.rest.Problem;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * The consortium over time, through the API: founding shares, a prospective member, effective-dated
 * share tables under four eyes, the membership on a date, and every bad table refused with nothing changed.
 */
@QuarkusTest
class ShareTableTest {

    private String programme;
    private String noetra;
    private String softbank;
    private String nec;
    private String sony;
    private String honda;
    private String fujitsu;

    @BeforeEach
    void theFoundingConsortiumAndAProspectiveMember() {
        programme = programme(1_000_000_000_000L);
        noetra = consortium(programme);
        softbank = member(programme, noetra, "SoftBank", 4000);
        nec = member(programme, noetra, "NEC", 2000);
        sony = member(programme, noetra, "Sony Group", 2000);
        honda = member(programme, noetra, "Honda", 2000);
        fujitsu = member(programme, noetra, "Fujitsu", null); // weighing whether to join
    }

    private Map<String, Integer> shares(Object... idsAndShares) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        for (int i = 0; i < idsAndShares.length; i += 2) {
            shares.put((String) idsAndShares[i], (Integer) idsAndShares[i + 1]);
        }
        return shares;
    }

    private JsonPath membership(String asOf) {
        return nedo().get("/api/programmes/{p}/membership?asOf=" + asOf, programme).then().statusCode(200)
                .extract().jsonPath();
    }

    private String status(JsonPath membership, String name) {
        return membership.getString("members.find { it.name == '" + name + "' }.status");
    }

    @Test
    void aConfirmedTableIsInForceFromItsDateAndEarlierOnesStayReadable() {
        JsonPath founding = membership("2026-06-01");
        assertThat(founding.getString("shareTableId")).as("the founding shares").isNull();
        assertThat(status(founding, "SoftBank")).isEqualTo("MEMBER");
        assertThat(status(founding, "Fujitsu")).isEqualTo("PROSPECTIVE");

        // Fujitsu joins in FY2027, shares rebalanced (illustrative figures)
        String proposed = proposeShares(programme, "2027-04-01",
                shares(softbank, 3400, nec, 1700, sony, 1700, honda, 1700, fujitsu, 1500))
                .then().statusCode(201).body("state", equalTo("PROPOSED")).body("decidedBy", nullValue())
                .body("shares[0].name", equalTo("SoftBank")).extract().path("id");
        assertThat(membership("2027-04-01").getString("shareTableId")).as("not in force until confirmed").isNull();
        meti().header("Idempotency-Key", key()).post("/api/programmes/{p}/share-tables/{t}/confirm", programme, proposed)
                .then().statusCode(403).body("type", equalTo("https://aifund.meti.go.jp/problems/four-eyes"));
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .post("/api/programmes/{p}/share-tables/{t}/confirm", programme, proposed).then().statusCode(200)
                .body("state", equalTo("CONFIRMED")).body("decidedBy", equalTo(METI_2));

        assertThat(membership("2027-03-31").getString("shareTableId")).as("the day before").isNull();
        JsonPath fy2027 = membership("2027-04-01");
        assertThat(fy2027.getString("shareTableId")).isEqualTo(proposed);
        assertThat(status(fy2027, "Fujitsu")).isEqualTo("MEMBER");
        assertThat(fy2027.getInt("members.find { it.name == 'Fujitsu' }.shareBasisPoints")).isEqualTo(1500);

        // Honda leaves in FY2028; an investor stays at 0 %: it receives no funds
        String fy2028 = shareTable(programme, "2028-04-01",
                shares(softbank, 4000, nec, 2000, sony, 2000, fujitsu, 2000, honda, 0));
        String withoutHonda = shareTable(programme, "2029-04-01", shares(softbank, 4000, nec, 2000, sony, 2000, fujitsu, 2000));
        assertThat(status(membership("2028-06-01"), "Honda")).isEqualTo("MEMBER");
        assertThat(membership("2028-06-01").getInt("members.find { it.name == 'Honda' }.shareBasisPoints")).isZero();
        assertThat(status(membership("2029-04-01"), "Honda")).isEqualTo("LEFT");
        assertThat(membership("2029-04-01").getString("shareTableId")).isEqualTo(withoutHonda);
        assertThat(membership("2028-12-31").getString("shareTableId")).isEqualTo(fy2028);
        nedo().get("/api/programmes/{p}/share-tables", programme).then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items[0].id", equalTo(proposed));
    }

    @Test
    void aBadTableIsRefusedNamingTheFieldAndNothingChanges() {
        shareTable(programme, "2027-04-01", shares(softbank, 5000, nec, 5000));
        record Case(String effectiveFrom, Map<String, Integer> shares, String field, String reason) {
        }
        List<Case> cases = List.of(
                new Case("2028-04-01", shares(softbank, 5000, nec, 4999), "shares", "sum to 9999 basis points"),
                new Case("2027-04-01", shares(softbank, 5000, nec, 5000), "effectiveFrom", "overlaps share table"),
                new Case("2026-10-01", shares(softbank, 5000, nec, 5000), "effectiveFrom", "overlaps share table"),
                new Case("2031-04-01", shares(softbank, 5000, nec, 5000), "effectiveFrom", "within the programme's fiscal years"),
                new Case("2028-04-01", shares(softbank, 5000, noetra, 5000), "shares[1].recipientId", "not a member"),
                new Case("2028-04-01", shares(softbank, 10001), "shares[0].shareBasisPoints", "10000"));
        for (Case c : cases) {
            proposeShares(programme, c.effectiveFrom(), c.shares()).then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo(c.field()))
                    .body("errors[0].reason", org.hamcrest.Matchers.containsString(c.reason()));
        }
        // a member named twice: the body itself can only say it twice through a list
        meti().header("Idempotency-Key", key()).body(Map.of("effectiveFrom", "2028-04-01", "reason", "twice",
                "shares", List.of(Map.of("recipientId", nec, "shareBasisPoints", 5000),
                        Map.of("recipientId", nec, "shareBasisPoints", 5000))))
                .post("/api/programmes/{p}/share-tables", programme).then().statusCode(400)
                .body("errors[0].field", equalTo("shares[1].recipientId"))
                .body("errors[0].reason", equalTo("names NEC twice"));
        nedo().get("/api/programmes/{p}/share-tables", programme).then().body("totalItems", equalTo(1));

        // one proposal at a time; a rejection says why, and frees the way
        String pending = proposeShares(programme, "2028-04-01", shares(softbank, 6000, nec, 4000)).then()
                .statusCode(201).extract().path("id");
        proposeShares(programme, "2029-04-01", shares(softbank, 6000, nec, 4000)).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE);
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key()).body(Map.of())
                .post("/api/programmes/{p}/share-tables/{t}/reject", programme, pending).then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key()).body(Map.of("note", "awaits the agreement"))
                .post("/api/programmes/{p}/share-tables/{t}/reject", programme, pending).then().statusCode(200)
                .body("state", equalTo("REJECTED"));
        assertThat(membership("2028-06-01").getInt("members.find { it.name == 'SoftBank' }.shareBasisPoints"))
                .as("a rejected table is never in force").isEqualTo(5000);

        // once shares are tabled, a member joins without a founding share
        admin().body(Map.of("name", "Rakuten", "role", "MEMBER", "consortiumId", noetra, "shareBasisPoints", 100))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(400)
                .body("errors[0].field", equalTo("shareBasisPoints"));
    }

    @Test
    void theMoneyPaidToEachMemberIsSplitByTheSharesInForceOnTheFirstDayOfItsFiscalYear() {
        envelope(programme, 2026, 100_000_000_000L);
        for (Object[] paid : new Object[][] {{noetra, 10_000_000_001L}, {honda, 1_000L}}) {
            String t = planned(programme, (String) paid[0], 2026, (Long) paid[1]);
            approve(programme, t).then().statusCode(200);
            disburse(programme, t).then().statusCode(200);
        }
        // a table from mid-FY2026 is in force from its date, but FY2026's figures keep the shares of 1 April 2026
        String midYear = shareTable(programme, "2026-10-01", shares(softbank, 3400, nec, 1700, sony, 1700, honda, 1700,
                fujitsu, 1500));
        assertThat(membership("2026-10-01").getString("shareTableId")).isEqualTo(midYear);
        JsonPath p = nedo().get("/api/programmes/{p}/membership/paid", programme).then().statusCode(200).extract()
                .jsonPath();
        assertThat(p.getList("fiscalYear", Integer.class)).containsExactly(2026);
        assertThat(p.getString("[0].shareTableId")).as("the founding shares").isNull();
        assertThat(p.getLong("[0].paidToConsortium")).isEqualTo(10_000_000_001L);
        // founding 40/20/20/20 % of ¥10,000,000,001: 4,000,000,000.4 and 2,000,000,000.2 × 3; the floors leave one
        // yen, which goes to the largest remainder (.4, SoftBank); Honda's own ¥1,000 is added to its part
        assertThat(p.getList("[0].members.name")).containsExactly("SoftBank", "Honda", "NEC", "Sony Group");
        assertThat(p.getList("[0].members.fromConsortium", Long.class)).containsExactly(4_000_000_001L,
                2_000_000_000L, 2_000_000_000L, 2_000_000_000L);
        assertThat(p.getList("[0].members.total", Long.class)).containsExactly(4_000_000_001L, 2_000_001_000L,
                2_000_000_000L, 2_000_000_000L);
    }

    @Test
    void twoProposalsAtOnceLeaveExactlyOnePending() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = List.of("2027-04-01", "2028-04-01").stream()
                    .map(from -> pool.submit(() -> {
                        start.await();
                        return proposeShares(programme, from, shares(softbank, 10_000)).statusCode();
                    })).toList();
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        nedo().get("/api/programmes/{p}/share-tables", programme).then().body("totalItems", equalTo(1))
                .body("items[0].state", equalTo("PROPOSED")).body("items[0].shares[0].shareBasisPoints", equalTo(10_000));
    }

    @Test
    void aRetriedProposalWithItsKeyIsTheFirstAnswer() {
        String key = key();
        Map<String, Object> body = Map.of("effectiveFrom", "2027-04-01", "reason", "rebalanced",
                "shares", List.of(Map.of("recipientId", softbank, "shareBasisPoints", 10000)));
        String first = meti().header("Idempotency-Key", key).body(body)
                .post("/api/programmes/{p}/share-tables", programme).then().statusCode(201).extract().path("id");
        String again = meti().header("Idempotency-Key", key).body(body)
                .post("/api/programmes/{p}/share-tables", programme).then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        nedo().get("/api/programmes/{p}/share-tables", programme).then().body("totalItems", equalTo(1));
    }
}
