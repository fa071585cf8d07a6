package jp.go.meti.aifund.funding.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.platform.rest.Roles;
import jp.go.meti.aifund.infra.testing.Tokens;

/**
 * The funding API as a portal calls it, with the people of the test cast: an administrator, a
 * NEDO officer who requests and disburses, and two METI officials who approve and decide.
 */
public final class FundingApi {

    public static final String ADMIN = "admin.sato";
    public static final String NEDO = "nedo.tanaka";
    public static final String METI = "meti.suzuki";
    public static final String METI_2 = "meti.takahashi";
    public static final String AUDITOR = "auditor.ito";

    private FundingApi() {
    }

    public static RequestSpecification as(String person, String role) {
        return given().auth().oauth2(Tokens.of(person, role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(ADMIN, Roles.PROGRAMME_ADMIN);
    }

    public static RequestSpecification nedo() {
        return as(NEDO, Roles.NEDO_OFFICER);
    }

    public static RequestSpecification meti() {
        return as(METI, Roles.METI_OFFICIAL);
    }

    /** The absolute URL of a path of the application under test, for clients other than RestAssured. */
    public static String url(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** A programme FY2026–FY2030 with the given ceiling; returns its id. */
    public static String programme(long ceiling) {
        return programme("Sovereign multimodal foundation model", ceiling, 2026, 2030);
    }

    /** A programme named {@code name} (made unique) over FY{@code first}–FY{@code last}; returns its id. */
    public static String programme(String name, long ceiling, int first, int last) {
        return admin().body(Map.of("name", name + " " + UUID.randomUUID(), "ceiling", ceiling,
                "firstFiscalYear", first, "lastFiscalYear", last, "commissioningMinistry", "METI",
                "executingAgency", "NEDO")).post("/api/programmes").then().statusCode(201).extract().path("id");
    }

    public static void envelope(String programmeId, int fiscalYear, long amount) {
        admin().body(Map.of("amount", amount)).put("/api/programmes/{p}/envelopes/{fy}", programmeId, fiscalYear)
                .then().statusCode(200);
    }

    public static String consortium(String programmeId) {
        return admin().body(Map.of("name", "Noetra", "role", "CONSORTIUM"))
                .post("/api/programmes/{p}/recipients", programmeId).then().statusCode(201).extract().path("id");
    }

    /** A member of the consortium with its founding share, or prospective ({@code share} null); returns its id. */
    public static String member(String programmeId, String consortiumId, String name, Integer share) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "role", "MEMBER", "consortiumId", consortiumId));
        if (share != null) {
            body.put("shareBasisPoints", share);
        }
        return admin().body(body).post("/api/programmes/{p}/recipients", programmeId).then().statusCode(201)
                .extract().path("id");
    }

    /** Proposes a share table, {@code shares} by recipient id; the answer. */
    public static Response proposeShares(String programmeId, String effectiveFrom, Map<String, Integer> shares) {
        return meti().header("Idempotency-Key", key()).body(Map.of("effectiveFrom", effectiveFrom, "reason",
                "the consortium changes", "shares", shares.entrySet().stream()
                        .map(e -> Map.of("recipientId", e.getKey(), "shareBasisPoints", e.getValue())).toList()))
                .post("/api/programmes/{p}/share-tables", programmeId);
    }

    /** Proposes a share table and has a second official confirm it; returns its id. */
    public static String shareTable(String programmeId, String effectiveFrom, Map<String, Integer> shares) {
        String id = proposeShares(programmeId, effectiveFrom, shares).then().statusCode(201).extract().path("id");
        as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .post("/api/programmes/{p}/share-tables/{t}/confirm", programmeId, id).then().statusCode(200);
        return id;
    }

    public static Response plan(String programmeId, String recipientId, int fiscalYear, long amount) {
        return nedo().header("Idempotency-Key", key())
                .body(Map.of("fiscalYear", fiscalYear, "recipientId", recipientId, "amount", amount))
                .post("/api/programmes/{p}/tranches", programmeId);
    }

    public static String planned(String programmeId, String recipientId, int fiscalYear, long amount) {
        return plan(programmeId, recipientId, fiscalYear, amount).then().statusCode(201).extract().path("id");
    }

    public static Response act(RequestSpecification who, String programmeId, String trancheId, String action,
            Map<String, ?> body) {
        return who.header("Idempotency-Key", key()).body(body)
                .post("/api/programmes/{p}/tranches/{t}/" + action, programmeId, trancheId);
    }

    public static Response approve(String programmeId, String trancheId) {
        return act(meti(), programmeId, trancheId, "approve", Map.of());
    }

    public static Response disburse(String programmeId, String trancheId) {
        return act(nedo(), programmeId, trancheId, "disburse", Map.of());
    }

    public static Map<String, Object> programmeTotals(String programmeId) {
        return admin().get("/api/programmes/{p}", programmeId).then().statusCode(200).extract().jsonPath().getMap("");
    }

    public static int ledgerSize(String programmeId) {
        return as(AUDITOR, Roles.AUDITOR).get("/api/programmes/{p}/ledger?size=1", programmeId)
                .then().statusCode(200).extract().path("totalItems");
    }

    /** A consortium member acting for {@code recipientId} (the {@code recipients} claim). */
    public static RequestSpecification member(String recipientId) {
        return given().auth().oauth2(Tokens.member("member.of." + recipientId.substring(0, 8), recipientId))
                .contentType(ContentType.JSON);
    }

    /**
     * Each recipient given notice of the adverse proposal {@code subjectId} (a pullback recommendation or a
     * budget decision or a tranche decision) answers it through a member acting for it, so that the proposal may be confirmed.
     */
    public static void answered(String programmeId, String subjectId) {
        List<Map<String, String>> open = admin().get("/api/programmes/{p}/hearings?subjectId={s}", programmeId,
                subjectId).then().statusCode(200).extract().jsonPath().getList("items.findAll { it.state == 'OPEN' }");
        if (open.isEmpty()) {
            throw new AssertionError("no open hearing on " + subjectId);
        }
        for (Map<String, String> hearing : open) {
            member(hearing.get("recipientId")).header("Idempotency-Key", key())
                    .body(Map.of("response", "We have read the notice.")).post("/api/programmes/{p}/hearings/{h}/response",
                            programmeId, hearing.get("id")).then().statusCode(200);
        }
    }

    /**
     * A decision on one tranche ({@code action} REDUCE, CANCEL or ORDER_RETURN and its amounts): proposed by
     * one METI official, answered by the recipient, confirmed by the other; the confirmed decision.
     */
    public static Map<String, Object> decided(String programmeId, String trancheId, Map<String, ?> proposal) {
        String id = meti().header("Idempotency-Key", key()).body(proposal)
                .post("/api/programmes/{p}/tranches/{t}/decisions", programmeId, trancheId).then().statusCode(201)
                .extract().path("id");
        answered(programmeId, id);
        return as(METI_2, Roles.METI_OFFICIAL).header("Idempotency-Key", key())
                .post("/api/programmes/{p}/tranches/{t}/decisions/{d}/confirm", programmeId, trancheId, id).then()
                .statusCode(200).extract().jsonPath().getMap("");
    }
}
