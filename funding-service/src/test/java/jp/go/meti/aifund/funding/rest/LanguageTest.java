package jp.go.meti.aifund.funding.rest;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import jp.go.meti.aifund.platform.rest.Problem;

/**
 * Problem documents in the caller's language (Accept-Language, English when it names neither), on
 * the real service: titles, details and Bean Validation's field messages; and names as entered,
 * whatever their script, back exactly through the API and the events.
 */
@QuarkusTest
class LanguageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRefusalIsSaidInJapaneseWhenTheCallerPrefersItAndInEnglishOtherwise() {
        Map<String, Object> nameless = Map.of("name", " ", "ceiling", 1_000L, "firstFiscalYear", 2026,
                "lastFiscalYear", 2027, "commissioningMinistry", "METI", "executingAgency", "NEDO");
        admin().body(nameless).post("/api/programmes").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .header("Content-Language", "en").body("title", equalTo("Invalid request"))
                .body("detail", equalTo("The request has 1 invalid field(s)"))
                .body("errors[0].reason", equalTo("must not be blank"));
        for (String japanese : new String[] {"ja", "ja-JP,en;q=0.8", "fr, ja;q=0.5, en;q=0.4"}) {
            admin().header("Accept-Language", japanese).body(nameless).post("/api/programmes").then().statusCode(400)
                    .header("Content-Language", "ja").header("Vary", containsString("Accept-Language"))
                    .body("title", equalTo("リクエストの内容が正しくありません"))
                    .body("detail", equalTo("リクエストに正しくない項目が1件あります"))
                    .body("errors[0].field", equalTo("name")).body("errors[0].reason", equalTo("空白は許可されていません"));
        }
        // unreadable parameters and bodies, too
        admin().header("Accept-Language", "ja").get("/api/programmes?size=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].reason", equalTo("-2147483648から2147483647までの整数にしてください（「abc」は使えません）"));
        admin().header("Accept-Language", "ja").contentType("application/json").body("{\"name\": \"x\", \"extra\": 1}")
                .post("/api/programmes").then().statusCode(400).body("title", equalTo("リクエスト本文の形式が正しくありません"))
                .body("errors[0].reason", equalTo("このリクエストの項目ではありません"));
        for (String english : new String[] {"en-GB", "en, ja;q=0.5", "fr", "*", "%%%", "ja;q=0, en;q=0.1"}) {
            admin().header("Accept-Language", english).body(nameless).post("/api/programmes").then().statusCode(400)
                    .header("Content-Language", "en").body("title", equalTo("Invalid request"));
        }
    }

    @Test
    void theDomainsRefusalsAreSaidInJapaneseWithFiscalYearsAndYenAsOfficialsWriteThem() {
        String missing = UUID.randomUUID().toString();
        admin().header("Accept-Language", "ja").get("/api/programmes/{p}", missing).then().statusCode(404)
                .body("title", equalTo("見つかりません")).body("detail", equalTo("指定された事業（" + missing + "）は存在しません"));
        String programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 200_000_000_001L);
        String noetra = consortium(programme);
        String tranche = planned(programme, noetra, 2026, 300_000_000_000L);
        act(meti().header("Accept-Language", "ja"), programme, tranche, "approve", Map.of()).then().statusCode(409)
                .body("title", equalTo("上限額または年度予算を超えます"))
                .body("detail", startsWith("令和8年度の予算額を超えます：上限 約2,000億円（¥200,000,000,001）、使用中 0円、申請 3,000億円"))
                .body("errors[0].reason", equalTo("令和8年度の予算額の残額を超えています"));
        act(meti(), programme, tranche, "approve", Map.of()).then().statusCode(409)
                .body("detail", startsWith("the FY2026 envelope would be exceeded: limit ¥200,000,000,001, outstanding ¥0"));
        nedo().header("Accept-Language", "ja").body(Map.of("fiscalYear", 2026, "recipientId", noetra, "amount", 1L))
                .post("/api/programmes/{p}/tranches", programme).then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"))
                .body("errors[0].reason", equalTo("資金を動かすリクエストには必須のヘッダーです"));
        as(AUDITOR, jp.go.meti.aifund.platform.rest.Roles.AUDITOR).header("Accept-Language", "ja")
                .header("Idempotency-Key", key()).post("/api/programmes/{p}/tranches/{t}/approve", programme, tranche)
                .then().statusCode(403).body("title", equalTo("権限がありません"))
                .body("detail", equalTo("あなたのロールではこのリクエストを行えません。必要なロール：meti-official"));
        act(nedo().header("Accept-Language", "ja"), programme, tranche, "disburse", Map.of()).then().statusCode(409)
                .body("title", equalTo("現在の状態では行えません")).body("detail", equalTo("計画のトランシェは支払できません"));
        String own = nedo().header("Idempotency-Key", key()).body(Map.of("fiscalYear", 2026, "recipientId", noetra,
                "amount", 1_000L)).post("/api/programmes/{p}/tranches", programme).then().statusCode(201).extract().path("id");
        act(as(NEDO, jp.go.meti.aifund.platform.rest.Roles.METI_OFFICIAL).header("Accept-Language", "ja"), programme, own,
                "approve", Map.of()).then().statusCode(403).body("title", equalTo("別の担当者が行う必要があります"))
                .body("detail", containsString(NEDO + " はこの案件で既に前の手続を行った"));
    }

    @Test
    void theLessCommonRefusalsOfRecipientsShareTablesAndBudgetDecisionsAreSaidInJapaneseToo() {
        String programme = programme(1_000_000_000_000L); // FY2026–FY2030
        String noetra = consortium(programme);
        admin().header("Accept-Language", "ja").body(Map.of("name", "ソフトバンク株式会社", "role", "MEMBER"))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(400)
                .body("errors[0].field", equalTo("consortiumId"))
                .body("errors[0].reason", equalTo("構成員または研究協力者には必須です"));
        admin().header("Accept-Language", "ja").body(Map.of("name", "Noetra", "role", "CONSORTIUM"))
                .post("/api/programmes/{p}/recipients", programme).then().statusCode(409)
                .body("detail", equalTo("この事業には既に「Noetra」という名前の交付先があります"));

        String softbank = member(programme, noetra, "ソフトバンク株式会社", null);
        String nec = member(programme, noetra, "日本電気株式会社", null);
        java.util.function.BiFunction<String, Integer, Map<String, Object>> table = (from, second) -> Map.of(
                "effectiveFrom", from, "reason", "構成の変更", "shares", java.util.List.of(
                        Map.of("recipientId", softbank, "shareBasisPoints", 6000),
                        Map.of("recipientId", nec, "shareBasisPoints", second)));
        meti().header("Accept-Language", "ja").header("Idempotency-Key", key()).body(table.apply("2026-04-01", 3000))
                .post("/api/programmes/{p}/share-tables", programme).then().statusCode(400)
                .body("errors[0].field", equalTo("shares"))
                .body("errors[0].reason", equalTo("合計が9000ベーシスポイントです。持分表は、0%の持分も含め、"
                        + "構成員全体でちょうど10000（100.00%）にしてください"));
        meti().header("Accept-Language", "ja").header("Idempotency-Key", key()).body(table.apply("2031-04-01", 4000))
                .post("/api/programmes/{p}/share-tables", programme).then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveFrom"))
                .body("errors[0].reason", equalTo("事業の年度（令和8年度〜令和12年度、2026年4月1日〜2031年3月31日）の範囲内にしてください"));
        meti().header("Idempotency-Key", key()).body(table.apply("2031-04-01", 4000))
                .post("/api/programmes/{p}/share-tables", programme).then().statusCode(400)
                .body("errors[0].reason", equalTo("must fall within the programme's fiscal years, FY2026 to FY2030 "
                        + "(2026-04-01 to 2031-03-31)"));

        envelope(programme, 2026, 300_000_000_000L);
        envelope(programme, 2030, 100_000_000L);
        Map<String, Object> carryOutOfTheLastYear = Map.of("kind", "CARRY_OVER", "fiscalYear", 2030, "amount", 1_000L,
                "reason", "繰越");
        meti().header("Accept-Language", "ja").header("Idempotency-Key", key()).body(carryOutOfTheLastYear)
                .post("/api/programmes/{p}/budget-decisions", programme).then().statusCode(409)
                .body("detail", equalTo("令和12年度は事業の最終年度です。それより後の年度には繰り越せません"));
        meti().header("Idempotency-Key", key()).body(carryOutOfTheLastYear)
                .post("/api/programmes/{p}/budget-decisions", programme).then().statusCode(409)
                .body("detail", equalTo("FY2030 is the programme's last year: nothing carries over past it"));
        meti().header("Accept-Language", "ja").header("Idempotency-Key", key())
                .body(Map.of("kind", "CEILING_AMENDMENT", "newCeiling", 200_000_000_000L, "reason", "予算の削減"))
                .post("/api/programmes/{p}/budget-decisions", programme).then().statusCode(409)
                .body("detail", equalTo("上限額 2,000億円 は年度予算額の合計 3,001億円 を下回ります。先に年度予算額を減らしてください"));
        meti().header("Accept-Language", "ja").header("Idempotency-Key", key())
                .body(Map.of("kind", "CEILING_AMENDMENT", "reason", "補正予算"))
                .post("/api/programmes/{p}/budget-decisions", programme).then().statusCode(400)
                .body("errors[0].field", equalTo("newCeiling")).body("errors[0].reason", equalTo("上限額の変更には必須です"));
    }

    @Test
    void namesInJapaneseComeBackExactlyThroughTheApiAndTheEvents() {
        String programme = programme(1_000_000_000_000L);
        String noetra = consortium(programme);
        // full-width, half-width katakana and a decomposed が (か + U+3099): kept as sent, never normalized
        String[] names = {"ソフトバンク株式会社", "ｿﾆｰｸﾞﾙｰﾌﾟ株式会社", "\u304b\u3099くしゅうだいがく", "日本電気株式会社（NEC）"};
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
                ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("aifund.programme-events.v1")) {
            for (String name : names) {
                String id = member(programme, noetra, name, 1000);
                admin().header("Accept-Language", "ja").get("/api/programmes/{p}/recipients/{r}", programme, id).then()
                        .statusCode(200).body("name", equalTo(name));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> events.getRecords().stream()
                    .filter(r -> programme.equals(r.key())).map(r -> r.value())
                    .anyMatch(v -> java.util.Arrays.stream(names).allMatch(v::contains)));
        }
        assertThat(admin().get("/api/programmes/{p}/recipients?size=100", programme).then().extract().jsonPath()
                .getList("items.name", String.class)).contains(names);
    }
}
