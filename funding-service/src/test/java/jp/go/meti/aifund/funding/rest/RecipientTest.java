package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.go.meti.aifund.platform.rest.Problem;

@QuarkusTest
class RecipientTest {

    @Test
    void membersHoldSharesOfTheirConsortiumThatNeverExceedTheWhole() {
        String programme = programme(1_000_000_000_000L);
        String noetra = consortium(programme);
        for (String[] member : new String[][] {{"SoftBank", "4000"}, {"NEC", "2000"}, {"Sony Group", "2000"}, {"Honda", "2000"}}) {
            String location = admin().body(Map.of("name", member[0], "role", "MEMBER", "consortiumId", noetra,
                    "shareBasisPoints", Integer.parseInt(member[1])))
                    .post("/api/programmes/{p}/recipients", programme).then().statusCode(201)
                    .body("consortiumId", equalTo(noetra)).extract().header("Location");
            nedo().get(location).then().statusCode(200).body("name", equalTo(member[0])); // the Location is readable
        }
        admin().body(Map.of("name", "Fujitsu", "role", "MEMBER", "consortiumId", noetra, "shareBasisPoints", 1))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("shareBasisPoints"));
        admin().body(Map.of("name", "AIST", "role", "RESEARCH_PARTNER", "consortiumId", noetra))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(201);
        nedo().get("/api/programmes/{p}/recipients", programme).then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(6))
                .body("totalItems", equalTo(6)).body("page", equalTo(0)).body("size", equalTo(20));
    }

    @Test
    void aMemberNeedsAConsortiumAndNamesAreUnique() {
        String programme = programme(1_000_000_000_000L);
        String noetra = consortium(programme);
        admin().body(Map.of("name", "NEC", "role", "MEMBER", "shareBasisPoints", 1000))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(400)
                .body("errors[0].field", equalTo("consortiumId"));
        admin().body(Map.of("name", "Noetra", "role", "CONSORTIUM"))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE);
        String member = admin().body(Map.of("name", "NEC", "role", "MEMBER", "consortiumId", noetra, "shareBasisPoints", 1000))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(201).extract().path("id");
        admin().body(Map.of("name", "Sub", "role", "MEMBER", "consortiumId", member, "shareBasisPoints", 10))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(400)
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("must name a consortium"));
    }
}
