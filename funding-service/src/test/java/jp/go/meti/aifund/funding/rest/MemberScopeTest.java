package jp.go.meti.aifund.funding.rest;

import static io.restassured.RestAssured.given;
import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.platform.rest.Problem;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * A consortium member reads its own tranches and its consortium's, never another member's or the
 * research partner's: not in lists, not by id, not through their return orders.
 */
@QuarkusTest
class MemberScopeTest {

    @Test
    void aMemberReadsItsOwnAndItsConsortiumsTranchesOnly() {
        String programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 100_000_000_000L);
        String noetra = consortium(programme);
        String sony = recipient(programme, Map.of("name", "Sony Group", "role", "MEMBER", "consortiumId", noetra,
                "shareBasisPoints", 2000));
        String nec = recipient(programme, Map.of("name", "NEC", "role", "MEMBER", "consortiumId", noetra,
                "shareBasisPoints", 2500));
        String aist = recipient(programme, Map.of("name", "AIST", "role", "RESEARCH_PARTNER", "consortiumId", noetra));
        String toNoetra = planned(programme, noetra, 2026, 1_000_000_000L);
        String toSony = planned(programme, sony, 2026, 2_000_000_000L);
        String toNec = planned(programme, nec, 2026, 3_000_000_000L);
        String toAist = planned(programme, aist, 2026, 4_000_000_000L);

        RequestSpecification sonyStaff = given().auth().oauth2(Tokens.member("member.sony", sony));
        assertThat(trancheIds(sonyStaff, programme, "")).containsExactlyInAnyOrder(toNoetra, toSony);
        assertThat(trancheIds(sonyStaff, programme, "?recipientId=" + nec)).isEmpty();
        for (String other : List.of(toNec, toAist)) {
            given().auth().oauth2(Tokens.member("member.sony", sony))
                    .get("/api/programmes/{p}/tranches/{t}", programme, other).then().statusCode(404)
                    .contentType(Problem.MEDIA_TYPE);
            given().auth().oauth2(Tokens.member("member.sony", sony))
                    .get("/api/programmes/{p}/tranches/{t}/return-orders", programme, other).then().statusCode(404);
        }
        given().auth().oauth2(Tokens.member("member.sony", sony))
                .get("/api/programmes/{p}/tranches/{t}", programme, toSony).then().statusCode(200);
        given().auth().oauth2(Tokens.member("member.sony", sony))
                .get("/api/programmes/{p}/tranches/{t}/return-orders", programme, toNoetra).then().statusCode(200);

        assertThat(trancheIds(given().auth().oauth2(Tokens.member("member.nec", nec)), programme, ""))
                .containsExactlyInAnyOrder(toNoetra, toNec);
        assertThat(trancheIds(given().auth().oauth2(Tokens.of("member.unknown", Roles.CONSORTIUM_MEMBER)), programme, ""))
                .as("a member token naming no recipient reads none").isEmpty();
        assertThat(trancheIds(as(AUDITOR, Roles.AUDITOR), programme, ""))
                .containsExactlyInAnyOrder(toNoetra, toSony, toNec, toAist);
    }

    private static String recipient(String programme, Map<String, ?> body) {
        return admin().body(body).post("/api/programmes/{p}/recipients", programme).then().statusCode(201)
                .extract().path("id");
    }

    private static List<String> trancheIds(RequestSpecification who, String programme, String query) {
        return who.get("/api/programmes/" + programme + "/tranches" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }
}
