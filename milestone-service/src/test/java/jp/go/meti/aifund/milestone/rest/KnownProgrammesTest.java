package jp.go.meti.aifund.milestone.rest;

import static jp.go.meti.aifund.milestone.support.ReviewApi.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.go.meti.aifund.milestone.support.Programmes;
import jp.go.meti.aifund.milestone.support.Programmes.Known;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * milestone-service refuses what funding-service does not have, as its copy of the programmes
 * knows them: an unknown programme is a 404 that says the copy may lag (with Retry-After), a fiscal
 * year outside the programme or a recipient not of it a 400 naming the field; nothing is written.
 */
@QuarkusTest
class KnownProgrammesTest {

    @Test
    void aMilestoneOrReviewOfAProgrammeTheCopyDoesNotKnowIsA404SayingTheCopyMayLag() {
        String unknown = UUID.randomUUID().toString();
        for (Response response : List.of(define(unknown, 2026, milestone("PARAMS", 80, 60, 10_000, true)),
                nedo().post("/api/programmes/{p}/fiscal-years/2026/reviews", unknown), Programmes.copy(unknown),
                nedo().get("/api/programmes/{p}/fiscal-years/2026/milestones", unknown))) {
            refused(response, 404, "not-found").header("Retry-After", "2")
                    .body("detail", containsString("programme " + unknown + " is not known to milestone-service"))
                    .body("detail", containsString("aifund.programme-events.v1 and may lag by a few seconds"))
                    .body("errors[0].field", equalTo("programmeId"));
        }
        // a filter that matches nothing is an empty page, not a missing resource
        nedo().get("/api/reviews?programmeId={p}", unknown).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void theCopysRefusalsAreSaidInJapaneseWhenTheCallerPrefersIt() {
        String unknown = UUID.randomUUID().toString();
        refused(nedo().header("Accept-Language", "ja").get("/api/programmes/{p}/fiscal-years/2026/milestones", unknown),
                404, "not-found").header("Content-Language", "ja")
                .body("detail", equalTo("事業 " + unknown + " はmilestone-serviceで把握されていません（funding-serviceの事業の写しは"
                        + "aifund.programme-events.v1から更新されるため、事業の作成後、数秒遅れることがあります）。しばらくしてから再試行してください"));
        String programme = newProgramme(); // FY2024–FY2030
        refused(nedo().header("Accept-Language", "ja").body(milestone("PARAMS", 80, 60, 10_000, true))
                .post("/api/programmes/{p}/fiscal-years/{fy}/milestones", programme, 2031), 400, "validation")
                .body("errors[0].field", equalTo("fiscalYear"))
                .body("errors[0].reason", equalTo("令和13年度は事業 " + programme + " の期間（令和6年度〜令和12年度）の外です"));
        defined(programme, 2030, milestone("PARAMS", 80, 60, 10_000, true)); // 100.00 % of FY2030's weights
        refused(nedo().header("Accept-Language", "ja").body(milestone("ROBOTS", 80, 60, 1, true))
                .post("/api/programmes/{p}/fiscal-years/{fy}/milestones", programme, 2030), 400, "validation")
                .body("errors[0].field", equalTo("weightBasisPoints"))
                .body("errors[0].reason", equalTo("令和12年度の重みの合計が100.01 %になります。合計は100.00 %以下にしてください"));
        refused(define(programme, 2030, milestone("ROBOTS", 80, 60, 1, true)), 400, "validation")
                .body("errors[0].reason", equalTo("would bring the weights of FY2030 to 100.01 %; they may add up to 100.00 % at most"));
        // review-scoring's own texts, too
        refused(nedo().header("Accept-Language", "ja").body(milestone("BENCH", 80, 90, 5000, false))
                .post("/api/programmes/{p}/fiscal-years/{fy}/milestones", programme, 2029), 400, "validation")
                .body("errors[0].field", equalTo("threshold"))
                .body("errors[0].reason", equalTo("AT_LEAST（以上）のマイルストーンでは、目標値より小さくしてください"));
        // and the service's own Bean Validation messages (ValidationMessages.properties)
        refused(nedo().header("Accept-Language", "ja").body(milestone("x", 80, 60, 100, false))
                .post("/api/programmes/{p}/fiscal-years/{fy}/milestones", programme, 2029), 400, "validation")
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].reason", equalTo("英大文字で始まる2〜40文字の英大文字・数字・「_」・「-」にしてください"));
        refused(define(programme, 2029, milestone("x", 80, 60, 100, false)), 400, "validation")
                .body("errors[0].reason", equalTo("must be 2 to 40 upper-case letters, digits, '_' or '-', starting with a letter"));
    }

    @Test
    void aFiscalYearOutsideTheProgrammeIsRefusedNamingIt() {
        String programme = newProgramme(); // FY2024–FY2030
        refused(define(programme, 2031, milestone("PARAMS", 80, 60, 10_000, true)), 400, "validation")
                .body("errors[0].field", equalTo("fiscalYear"))
                .body("errors[0].reason", containsString("FY2031 is outside programme " + programme + "'s FY2024–FY2030"));
        refused(nedo().post("/api/programmes/{p}/fiscal-years/2023/reviews", programme), 400, "validation")
                .body("errors[0].field", equalTo("fiscalYear"));
        refused(nedo().get("/api/programmes/{p}/fiscal-years/2031/milestones", programme), 400, "validation")
                .body("errors[0].field", equalTo("fiscalYear"));
        nedo().get("/api/reviews?programmeId={p}", programme).then().body("totalItems", equalTo(0));
        defined(programme, 2030, milestone("PARAMS", 80, 60, 10_000, true)); // the last year is the programme's
        opened(programme, 2024);
    }

    @Test
    void aRecipientThatIsNotTheProgrammesIsRefusedNamingIt() {
        Known programme = Programmes.known("Noetra", "Honda");
        Known other = Programmes.known("Another consortium");
        for (String notOfIt : new String[] {UUID.randomUUID().toString(), other.recipient("Another consortium")}) {
            Map<String, Object> robots = milestone("ROBOTS", 1000, 500, 5000, true);
            robots.put("recipientId", notOfIt);
            refused(define(programme.id(), 2027, robots), 400, "validation").body("errors[0].field", equalTo("recipientId"))
                    .body("errors[0].reason", containsString("names no recipient of programme " + programme.id()
                            + " known to milestone-service"));
        }
        Map<String, Object> robots = milestone("ROBOTS", 1000, 500, 5000, true);
        robots.put("recipientId", programme.recipient("Honda"));
        String milestone = defined(programme.id(), 2027, robots);

        robots.put("recipientId", other.recipient("Another consortium"));
        refused(nedo().body(robots).put("/api/milestones/{m}", milestone), 400, "validation")
                .body("errors[0].field", equalTo("recipientId"));
        nedo().get("/api/milestones/{m}", milestone).then().body("recipientId", equalTo(programme.recipient("Honda")));
    }

    @Test
    void aConflictWithARecipientOfNoKnownProgrammeIsRefusedNamingIt() {
        Known programme = Programmes.known("Noetra", "Sony Group");
        String unknown = UUID.randomUUID().toString();
        refused(admin().body(Map.of("reviewer", NEDO_2, "recipientId", unknown, "reason", "former employee"))
                .post("/api/conflicts"), 400, "validation").body("errors[0].field", equalTo("recipientId"))
                .body("errors[0].reason", containsString("names no recipient of any programme known to milestone-service"));
        admin().get("/api/conflicts?recipientId={r}", unknown).then().statusCode(200).body("totalItems", equalTo(0));
        admin().body(Map.of("reviewer", NEDO_2, "recipientId", programme.recipient("Sony Group"), "reason",
                "former employee")).post("/api/conflicts").then().statusCode(201);
    }

    @Test
    void theCopyShowsWhatFundingServicePublishedAndWhenItArrived() {
        Known programme = Programmes.known("Noetra", "SoftBank");
        as("member.honda", Roles.CONSORTIUM_MEMBER).get("/api/programmes/{p}", programme.id()).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("programmeId", equalTo(programme.id())).body("name", equalTo("Programme " + programme.id()))
                .body("firstFiscalYear", equalTo(2024)).body("lastFiscalYear", equalTo(2030))
                .body("sequence", equalTo(3)).body("changedAt", notNullValue()).body("copiedAt", notNullValue())
                .body("copiedFrom", equalTo("aifund.programme-events.v1"))
                .body("recipients.name", contains("Noetra", "SoftBank"))
                .body("recipients.role", contains("CONSORTIUM", "MEMBER"))
                .body("recipients[0].consortiumId", nullValue())
                .body("recipients[1].consortiumId", equalTo(programme.recipient("Noetra")));
    }
}
