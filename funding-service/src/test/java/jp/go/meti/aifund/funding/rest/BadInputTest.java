package jp.go.meti.aifund.funding.rest;

import static io.restassured.RestAssured.given;
import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.platform.rest.Problem;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Each kind of bad request gets a precise 4xx problem document naming the field and the reason,
 * with no stack trace, and changes nothing.
 */
@QuarkusTest
class BadInputTest {

    private static final String PROGRAMME_BODY = """
            {"name":"P","ceiling":%s,"firstFiscalYear":2026,"lastFiscalYear":2030,
             "commissioningMinistry":"METI","executingAgency":"NEDO"}""";

    private String programme;
    private String noetra;
    private String tranche;
    private int ledgerBefore;
    private Map<String, Object> totalsBefore;

    @BeforeEach
    void setUp() {
        programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 100_000_000_000L);
        noetra = consortium(programme);
        tranche = planned(programme, noetra, 2026, 1_000_000L);
        ledgerBefore = ledgerSize(programme);
        totalsBefore = programmeTotals(programme);
    }

    @ParameterizedTest(name = "ceiling {0} is refused")
    @CsvSource(delimiter = '|', value = {
            "-1", "0", "99999999999999999999", "1.5", "\"100\"", "null", "10000000000001"})
    void badCeilingsAreRefusedNamingTheField(String ceiling) {
        problem(admin().body(PROGRAMME_BODY.formatted(ceiling)).post("/api/programmes").then(), 400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("ceiling"));
    }

    @Test
    void aFieldGivenTwiceIsRefusedNotOverwritten() {
        problem(nedo().header("Idempotency-Key", key())
                .body("{\"fiscalYear\":2026,\"recipientId\":\"" + noetra + "\",\"amount\":5,\"amount\":500}")
                .post("/api/programmes/{p}/tranches", programme).then(), 400)
                .body("errors[0].field", equalTo("amount")).body("errors[0].reason", containsString("given twice"));
        assertNothingChanged();
    }

    @Test
    void anAbsentBodyIsNamedAsTheBody() {
        problem(admin().post("/api/programmes").then(), 400).body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", containsString("send a JSON object"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "\"fiscalYear\":\"2026\" | fiscalYear | must be a whole number from",
            "\"fiscalYear\":2026.5 | fiscalYear | must be a whole number from"})
    void theReasonSaysWhatTheFieldMustBe(String fields, String field, String reason) {
        String body = "{" + fields + (fields.contains("recipientId") ? "" : ",\"recipientId\":\"" + noetra + "\"")
                + ",\"amount\":5}";
        problem(nedo().header("Idempotency-Key", key()).body(body).post("/api/programmes/{p}/tranches", programme)
                .then(), 400).body("errors[0].field", equalTo(field)).body("errors[0].reason", containsString(reason))
                .body("errors[0].reason", not(containsString("whole yen")));
        assertNothingChanged();
    }

    /** "𠮷" is one character (two UTF-16 units): a name of 200 of them fits the 200-character limit, 201 do not. */
    @Test
    void lengthsAreCountedInCharacters() {
        String name = "𠮷".repeat(200);
        admin().body(PROGRAMME_BODY.formatted(1_000).replace("\"P\"", "\"" + name + "\"")).post("/api/programmes")
                .then().statusCode(201).body("name", equalTo(name));
        problem(admin().body(PROGRAMME_BODY.formatted(1_000).replace("\"P\"", "\"" + name + "𠮷\""))
                .post("/api/programmes").then(), 400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void headersOverSixteenKibAreAProblemDocument() {
        problem(nedo().header("X-Padding", "x".repeat(20 * 1024)).get("/api/programmes/{p}", programme).then(), 431)
                .body("type", equalTo(Problem.TYPE_BASE + "headers-too-large"));
    }

    @Test
    void malformedJsonIsRefused() {
        problem(admin().body("{\"name\": ").post("/api/programmes").then(), 400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() {
        problem(nedo().header("Idempotency-Key", key())
                .body(Map.of("fiscalYear", 2026, "recipientId", noetra, "amout", 5))
                .post("/api/programmes/{p}/tranches", programme).then(), 400)
                .body("errors[0].field", equalTo("amout"));
        assertNothingChanged();
    }

    @Test
    void missingFieldsAreEachNamed() {
        problem(admin().body("{}").post("/api/programmes").then(), 400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "ceiling", "firstFiscalYear",
                        "lastFiscalYear", "commissioningMinistry", "executingAgency"));
    }

    @ParameterizedTest(name = "planning amount {0} is refused")
    @CsvSource({"0", "-5", "1.25", "9223372036854775808"})
    void badTrancheAmountsAreRefused(String amount) {
        problem(nedo().header("Idempotency-Key", key())
                .body("{\"fiscalYear\":2026,\"recipientId\":\"" + noetra + "\",\"amount\":" + amount + "}")
                .post("/api/programmes/{p}/tranches", programme).then(), 400)
                .body("errors[0].field", equalTo("amount"));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "fiscal year {0}: {1}")
    @CsvSource({"2031, outside the programme", "2025, outside the programme", "2029, has no envelope",
            "1999, must be greater than or equal to 2000"})
    void fiscalYearsOutsideTheProgrammeOrWithoutAnEnvelopeAreRefused(int fiscalYear, String reason) {
        problem(nedo().header("Idempotency-Key", key())
                .body(Map.of("fiscalYear", fiscalYear, "recipientId", noetra, "amount", 5))
                .post("/api/programmes/{p}/tranches", programme).then(), 400)
                .body("errors[0].field", equalTo("fiscalYear")).body("errors[0].reason", containsString(reason));
        problem(admin().body(Map.of("amount", 5)).put("/api/programmes/{p}/envelopes/2031", programme).then(), 400)
                .body("errors[0].field", equalTo("fiscalYear"));
        assertNothingChanged();
    }

    @Test
    void aRecipientOfNoProgrammeOrNotAnIdIsRefused() {
        problem(nedo().header("Idempotency-Key", key())
                .body(Map.of("fiscalYear", 2026, "recipientId", UUID.randomUUID(), "amount", 5))
                .post("/api/programmes/{p}/tranches", programme).then(), 400)
                .body("errors[0].field", equalTo("recipientId"));
        problem(nedo().header("Idempotency-Key", key())
                .body(Map.of("fiscalYear", 2026, "recipientId", "Noetra", "amount", 5))
                .post("/api/programmes/{p}/tranches", programme).then(), 400)
                .body("errors[0].field", equalTo("recipientId"));
        assertNothingChanged();
    }

    @Test
    void unknownIdsAreNotFound() {
        problem(nedo().get("/api/programmes/{p}", UUID.randomUUID()).then(), 404);
        problem(nedo().get("/api/programmes/{p}/tranches/{t}", programme, UUID.randomUUID()).then(), 404);
        problem(approve(UUID.randomUUID().toString(), tranche).then(), 404);
        problem(nedo().get("/api/nothing-here").then(), 404);
    }

    /** A parameter the service cannot read is the client's error, named: never a 404 that reads as "gone". */
    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/programmes/not-a-uuid | programmeId | must be a UUID",
            "/api/programmes/{p}/tranches?size=abc | size | must be a whole number",
            "/api/programmes/{p}/tranches?page=2147483648 | page | must be a whole number",
            "/api/programmes/{p}/tranches?size=201 | size | less than or equal to 200",
            "/api/programmes/{p}/ledger?size=201 | size | less than or equal to 200",
            "/api/programmes/{p}/tranches?state=approved | state | must be one of PLANNED, APPROVED",
            "/api/programmes/{p}/tranches?state=PAID | state | must be one of",
            "/api/programmes/{p}/tranches?fiscalYear=abc | fiscalYear | must be a whole number",
            "/api/programmes/{p}/tranches?recipientId=not-a-uuid | recipientId | must be a UUID",
            "/api/programmes/{p}/tranches?recipientId=1-1-1-1-1 | recipientId | must be a UUID",
            "/api/programmes/{p}/tranches?sort=amount | sort | is not a parameter of this operation, which takes "
                    + "fiscalYear, state, recipientId, page, size",
            "/api/programmes/{p}/envelopes?fiscalYear=2026 | fiscalYear | is not a parameter",
            "/api/programmes/{p}/tranches?page=1&page=2 | page | is given 2 times"})
    void unreadableOrUnknownParametersAreRefusedNamingThem(String path, String parameter, String reason) {
        problem(admin().get(path.replace("{p}", programme)).then(), 400).body("errors[0].field", equalTo(parameter))
                .body("errors[0].reason", containsString(reason));
    }

    @Test
    void everyListIsPagedTheSameWay() {
        for (String list : new String[] {"tranches", "envelopes", "recipients", "pullbacks", "ledger",
                "tranches/" + tranche + "/return-orders"}) {
            admin().get("/api/programmes/{p}/" + list + "?size=1", programme).then().statusCode(200)
                    .body("page", equalTo(0)).body("size", equalTo(1)).body("items.size()", org.hamcrest.Matchers
                            .lessThanOrEqualTo(1)).body("totalItems", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void pagingOutsideItsBoundsIsRefused() {
        problem(nedo().get("/api/programmes/{p}/tranches?size=1000", programme).then(), 400)
                .body("errors[0].field", equalTo("size"));
        problem(nedo().get("/api/programmes/{p}/tranches?page=-1", programme).then(), 400)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void aRoleThatMayNotActIsForbiddenAndToldWhichRoleItNeeds() {
        problem(act(as("member.sony", Roles.CONSORTIUM_MEMBER), programme, tranche, "approve", Map.of()).then(), 403)
                .body("detail", containsString("it needs the role meti-official"));
        problem(act(as(AUDITOR, Roles.AUDITOR), programme, tranche, "approve", Map.of()).then(), 403);
        problem(act(nedo(), programme, tranche, "approve", Map.of()).then(), 403);
        problem(as("member.sony", Roles.CONSORTIUM_MEMBER).get("/api/programmes/{p}/ledger", programme).then(), 403);
        assertNothingChanged();
    }

    @Test
    void noTokenAnExpiredOneOrAForgedOneIsUnauthenticated() throws Exception {
        var forgedKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String forged = Jwt.upn(METI).issuer(Tokens.ISSUER).groups(Set.of(Roles.METI_OFFICIAL)).sign(forgedKey);
        String expired = Jwt.upn(METI).issuer(Tokens.ISSUER).groups(Set.of(Roles.METI_OFFICIAL))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresAt(System.currentTimeMillis() / 1000 - 3600).sign();
        String wrongIssuer = Jwt.upn(METI).issuer("https://evil.example").groups(Set.of(Roles.METI_OFFICIAL)).sign();

        problem(given().contentType("application/json").header("Idempotency-Key", key()).body("{}")
                .post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche).then(), 401)
                .header("WWW-Authenticate", containsString("Bearer"));
        for (String token : new String[] {forged, expired, wrongIssuer}) {
            problem(given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key())
                    .body("{}").post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche).then(), 401);
        }
        assertNothingChanged();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", containsString(Problem.TYPE_BASE))
                .body("title", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    private void assertNothingChanged() {
        assertThat(ledgerSize(programme)).isEqualTo(ledgerBefore);
        assertThat(programmeTotals(programme)).isEqualTo(totalsBefore);
    }
}
