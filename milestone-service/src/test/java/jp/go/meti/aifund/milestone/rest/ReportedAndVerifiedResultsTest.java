package jp.go.meti.aifund.milestone.rest;

import static jp.go.meti.aifund.milestone.support.ReviewApi.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.milestone.support.Programmes;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Results reported by the recipient and verified independently, over REST against the real
 * database: a member drafts, NEDO accepts or returns; where the programme requires it, the
 * verifier's verdict on every result comes before METI's decision.
 */
@QuarkusTest
class ReportedAndVerifiedResultsTest {

    private static final String VERIFIER = "verifier.kato";
    private static final String VERIFIER_2 = "verifier.mori";

    /** A programme of Noetra (the consortium), Sony and Honda with a Sony milestone and a consortium-wide one, under review. */
    private record Setup(Programmes.Known programme, String sonys, String consortiums, String review) {

        String sony() {
            return programme.recipient("Sony");
        }
    }

    private static Setup underReview() {
        Programmes.Known p = Programmes.known("Noetra", "Sony", "Honda");
        Map<String, Object> sonys = milestone("TOKENS", 80, 60, 6000, true);
        sonys.put("recipientId", p.recipient("Sony"));
        String sony = defined(p.id(), 2026, sonys);
        String consortium = defined(p.id(), 2026, milestone("BENCH", 80, 60, 4000, false));
        return new Setup(p, sony, consortium, opened(p.id(), 2026));
    }

    private static RequestSpecification member(String person, String... recipients) {
        return bearer(Tokens.member(person, recipients));
    }

    private static RequestSpecification verifier(String person) {
        return as(person, Roles.VERIFIER);
    }

    @Test
    void aMemberDraftsItsRecipientsResultAndNedoAcceptsIt() {
        Setup s = underReview();
        member("member.sony", s.sony()).body(result(72, MEASURED_ON))
                .put("/api/reviews/{r}/result-drafts/{m}", s.review(), s.sonys()).then().statusCode(200)
                .body("state", equalTo("PENDING")).body("recipientId", equalTo(s.sony()))
                .body("draftedBy", equalTo("member.sony")).body("code", equalTo("TOKENS"));
        // Honda's member cannot report Sony's result, nor Sony's the consortium's
        refused(member("member.honda", s.programme().recipient("Honda")).body(result(99, MEASURED_ON))
                .put("/api/reviews/{r}/result-drafts/{m}", s.review(), s.sonys()), 403, "not-permitted");
        refused(member("member.sony", s.sony()).body(result(99, MEASURED_ON))
                .put("/api/reviews/{r}/result-drafts/{m}", s.review(), s.consortiums()), 403, "not-permitted");
        // the milestone's rules hold for a draft as for NEDO's own record
        Map<String, Object> wrongUnit = result(72, MEASURED_ON);
        wrongUnit.put("unit", "%");
        refused(member("member.sony", s.sony()).body(wrongUnit)
                .put("/api/reviews/{r}/result-drafts/{m}", s.review(), s.sonys()), 400, "validation")
                .body("errors[0].field", equalTo("unit"));
        member("member.noetra", s.programme().recipient("Noetra")).body(result(81, MEASURED_ON))
                .put("/api/reviews/{r}/result-drafts/{m}", s.review(), s.consortiums()).then().statusCode(200);

        // a member sees its recipients' drafts only
        member("member.sony", s.sony()).get("/api/reviews/{r}/result-drafts", s.review()).then().statusCode(200)
                .body("", hasSize(1)).body("[0].code", equalTo("TOKENS"));
        nedo().get("/api/reviews/{r}/result-drafts", s.review()).then().body("", hasSize(2));

        refused(submit(nedo(), s.review()), 409, "conflict").body("detail", containsString("BENCH, TOKENS"));

        nedo().post("/api/reviews/{r}/result-drafts/{m}/accept", s.review(), s.sonys()).then().statusCode(200)
                .body("value", equalTo(72)).body("assessment", equalTo("PARTIALLY_MET"))
                .body("recordedBy", equalTo(NEDO)).body("reportedBy", equalTo("member.sony"))
                .body("verification", nullValue());
        refused(nedo().post("/api/reviews/{r}/result-drafts/{m}/accept", s.review(), s.sonys()), 409, "conflict")
                .body("detail", containsString("already accepted"));
        nedo().body(Map.of("reason", "The benchmark run is not the one in the work plan"))
                .post("/api/reviews/{r}/result-drafts/{m}/return", s.review(), s.consortiums()).then().statusCode(200)
                .body("state", equalTo("RETURNED"))
                .body("returnReason", equalTo("The benchmark run is not the one in the work plan"));

        // a returned draft does not hold up the submission; NEDO records the result itself
        recorded(s.review(), s.consortiums(), 80, MEASURED_ON);
        submit(nedo(), s.review()).then().statusCode(200);
        meti().get("/api/reviews/{r}", s.review()).then()
                .body("results.find { it.code == 'TOKENS' }.reportedBy", equalTo("member.sony"))
                .body("results.find { it.code == 'BENCH' }.reportedBy", nullValue());
        // once submitted, nobody drafts any more
        refused(member("member.sony", s.sony()).body(result(75, MEASURED_ON))
                .put("/api/reviews/{r}/result-drafts/{m}", s.review(), s.sonys()), 409, "conflict");
    }

    @Test
    void whereVerificationIsRequiredMetiFinalizesOnlyVerifiedResults() {
        Setup s = underReview();
        admin().body(Map.of("verificationRequired", true))
                .put("/api/programmes/{p}/review-settings", s.programme().id()).then().statusCode(200)
                .body("verificationRequired", equalTo(true)).body("setBy", equalTo(ADMIN));
        recorded(s.review(), s.sonys(), 80, MEASURED_ON);
        recorded(s.review(), s.consortiums(), 80, MEASURED_ON);

        // results are verified as submitted, not while NEDO may still change them
        refused(verify(verifier(VERIFIER), s, s.sonys(), "VERIFIED"), 409, "conflict");
        submit(nedo(), s.review()).then().statusCode(200);

        refused(finalizeBy(meti(), s.review()), 409, "conflict")
                .body("detail", containsString("TOKENS (no verdict yet)"))
                .body("detail", containsString("BENCH (no verdict yet)"));

        // a verifier related to Sony may not verify Sony's result
        verifier(VERIFIER_2).body(Map.of("reviewer", VERIFIER_2, "recipientId", s.sony(), "reason", "Former employee"))
                .post("/api/conflicts").then().statusCode(201);
        refused(verify(verifier(VERIFIER_2), s, s.sonys(), "VERIFIED"), 403, "conflict-of-interest");
        // nor may one who recorded it, whatever roles they hold
        refused(verify(as(NEDO, Roles.NEDO_OFFICER, Roles.VERIFIER), s, s.sonys(), "VERIFIED"), 403, "four-eyes");

        verify(verifier(VERIFIER), s, s.sonys(), "VERIFIED").then().statusCode(200)
                .body("verification.verdict", equalTo("VERIFIED")).body("verification.verifiedBy", equalTo(VERIFIER));
        verify(verifier(VERIFIER_2), s, s.consortiums(), "NOT_VERIFIED").then().statusCode(200);
        refused(finalizeBy(meti(), s.review()), 409, "conflict")
                .body("detail", containsString("BENCH (NOT_VERIFIED: checked by"));

        // the value is corrected in a draft, which drops its verdict, and verified again
        meti().body(Map.of("reason", "BENCH could not be verified")).post("/api/reviews/{r}/return", s.review())
                .then().statusCode(200);
        recorded(s.review(), s.consortiums(), 70, MEASURED_ON);
        meti().get("/api/reviews/{r}", s.review()).then()
                .body("results.find { it.code == 'BENCH' }.verification", nullValue())
                .body("results.find { it.code == 'TOKENS' }.verification.verdict", equalTo("VERIFIED"));
        submit(nedo(), s.review()).then().statusCode(200);
        verify(verifier(VERIFIER_2), s, s.consortiums(), "VERIFIED").then().statusCode(200);
        finalizeBy(meti(), s.review()).then().statusCode(200).body("state", equalTo("FINALIZED"))
                .body("results.verification.verdict", equalTo(List.of("VERIFIED", "VERIFIED")));
        // a finalized review's verdicts never change
        refused(verify(verifier(VERIFIER), s, s.sonys(), "NOT_VERIFIED"), 409, "conflict");
    }

    @Test
    void withoutTheSettingAReviewIsFinalizedUnverifiedAndTheSettingIsTheAdministrators() {
        Setup s = underReview();
        meti().get("/api/programmes/{p}/review-settings", s.programme().id()).then().statusCode(200)
                .body("verificationRequired", equalTo(false)).body("setBy", nullValue());
        refused(meti().body(Map.of("verificationRequired", true))
                .put("/api/programmes/{p}/review-settings", s.programme().id()), 403, "forbidden");
        refused(admin().body(Map.of()).put("/api/programmes/{p}/review-settings", s.programme().id()), 400,
                "validation").body("errors[0].field", containsString("verificationRequired"));
        recorded(s.review(), s.sonys(), 80, MEASURED_ON);
        recorded(s.review(), s.consortiums(), 80, MEASURED_ON);
        submit(nedo(), s.review()).then().statusCode(200);
        finalizeBy(meti(), s.review()).then().statusCode(200).body("outcome", equalTo("PASSED"));
    }

    private static Response verify(RequestSpecification who, Setup s, String milestone,
            String verdict) {
        return who.body(Map.of("verdict", verdict, "reason", "checked by " + verdict.toLowerCase()))
                .put("/api/reviews/{r}/results/{m}/verification", s.review(), milestone);
    }
}
