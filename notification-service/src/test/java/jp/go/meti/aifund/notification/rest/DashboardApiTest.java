package jp.go.meti.aifund.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.infra.testing.EventStream;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.notification.support.Events;
import jp.go.meti.aifund.notification.support.Events.Member;
import jp.go.meti.aifund.notification.support.Events.Milestone;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * The dashboard's read model over the real broker: the programme's name and envelopes from
 * funding-service's programme events (an envelope change with no tranche event after it moves
 * "Planned"; an older snapshot never replaces a newer one), the utilization, why a tranche is held
 * and what is recommended, and a programme.updated frame for each change.
 */
@QuarkusTest
class DashboardApiTest {

    private static final List<Member> MEMBERS = List.of(new Member(UUID.randomUUID(), "SoftBank", 6000),
            new Member(UUID.randomUUID(), "NEC", 4000));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private void publish(String topic, ObjectNode event) {
        assertThat(Contracts.violations(event)).as("the test's own events follow the contract").isEmpty();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, event.get("partitionkey").asText(), event.toString());
            r.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(r).awaitCompletion();
        }
    }

    private static JsonPath board(UUID programme) {
        return given().auth().oauth2(Tokens.of("auditor.ito", Roles.AUDITOR)).get("/api/dashboard/{p}", programme)
                .then().extract().jsonPath();
    }

    private static int status(UUID programme) {
        return given().auth().oauth2(Tokens.of("auditor.ito", Roles.AUDITOR)).get("/api/dashboard/{p}", programme)
                .statusCode();
    }

    @Test
    void theProgrammesNameAndEnvelopesComeFromItsEventsAndTheNewestSnapshotWins() {
        UUID programme = UUID.randomUUID();
        try (EventStream stream = EventStream.open(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/warnings/stream?programmeId=" + programme, Tokens.of("auditor.ito", Roles.AUDITOR), null)) {
            long created = Events.nextLedgerEntry();
            long enlarged = Events.nextLedgerEntry();
            publish("aifund.programme-events.v1", Events.programme("created", programme, "Noetra foundation model", 1,
                    created, 0));
            publish("aifund.programme-events.v1", Events.programme("envelope-set", programme,
                    "Noetra foundation model", 3, enlarged, 550_000_000_000L));
            // an older snapshot, late: neither its name nor its planned figure replace the newer ones
            publish("aifund.programme-events.v1", Events.programme("envelope-set", programme, "Old name", 2,
                    created + 0, 350_000_000_000L).put("id", UUID.randomUUID().toString()));
            await().atMost(Duration.ofSeconds(30)).until(() -> status(programme) == 200
                    && board(programme).getLong("totals.planned") == 550_000_000_000L);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> board(programme).getLong("totals.planned") == 550_000_000_000L);
            JsonPath b = board(programme);
            assertThat(b.getString("totals.name")).isEqualTo("Noetra foundation model");
            assertThat(b.getString("programme.name")).isEqualTo("Noetra foundation model");
            assertThat(b.getList("programme.envelopes.amount", Long.class)).containsExactly(550_000_000_000L);
            assertThat(b.getString("asOf")).isNotNull();
            List<Map<String, Object>> listed = given().auth().oauth2(Tokens.of("x", Roles.AUDITOR))
                    .get("/api/dashboard?size=200").then().extract().jsonPath().getList("items");
            assertThat(listed).anySatisfy(p -> assertThat(p).containsEntry("programmeId", programme.toString())
                    .containsEntry("name", "Noetra foundation model"));
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.frames("programme.updated").size() >= 3);
        }
    }

    @Test
    void theConsortiumsHistoryComesFromTheShareTablesConfirmed() {
        UUID programme = UUID.randomUUID();
        UUID noetra = UUID.randomUUID();
        UUID softbank = UUID.randomUUID();
        UUID nec = UUID.randomUUID();
        UUID fujitsu = UUID.randomUUID();
        UUID rakuten = UUID.randomUUID();
        UUID table = UUID.randomUUID();
        publish("aifund.programme-events.v1", Events.programme("created", programme, "Noetra foundation model", 1,
                Events.nextLedgerEntry(), 0));
        ObjectNode event = Events.programme("share-table-confirmed", programme, "Noetra foundation model", 9, null, 0);
        ObjectNode d = (ObjectNode) event.get("data");
        ArrayNode recipients = d.putArray("recipients");
        recipients.addObject().put("recipientId", noetra.toString()).put("name", "Noetra").put("role", "CONSORTIUM")
                .putNull("consortiumId").putNull("shareBasisPoints");
        for (Object[] m : new Object[][] {{softbank, "SoftBank", 6000}, {nec, "NEC", 4000}, {fujitsu, "Fujitsu", null},
                {rakuten, "Rakuten", null}}) {
            ObjectNode r = recipients.addObject().put("recipientId", m[0].toString()).put("name", (String) m[1])
                    .put("role", "MEMBER").put("consortiumId", noetra.toString());
            if (m[2] == null) {
                r.putNull("shareBasisPoints");
            } else {
                r.put("shareBasisPoints", (Integer) m[2]);
            }
        }
        ObjectNode t = d.putArray("shareTables").addObject().put("shareTableId", table.toString())
                .put("effectiveFrom", "2027-04-01").put("state", "CONFIRMED").put("reason", "Fujitsu joins")
                .put("proposedBy", "meti.tanaka").put("proposedAt", "2027-02-01T00:00:00Z")
                .put("decidedBy", "meti.suzuki").put("decidedAt", "2027-02-03T00:00:00Z");
        ArrayNode shares = t.putArray("shares");
        shares.addObject().put("recipientId", softbank.toString()).put("name", "SoftBank").put("shareBasisPoints", 5000);
        shares.addObject().put("recipientId", nec.toString()).put("name", "NEC").put("shareBasisPoints", 3000);
        shares.addObject().put("recipientId", fujitsu.toString()).put("name", "Fujitsu").put("shareBasisPoints", 2000);
        ((ObjectNode) d.get("change")).put("shareTableId", table.toString());
        publish("aifund.programme-events.v1", event);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(programme) == 200
                && board(programme).get("programme.consortium") != null);
        JsonPath b = board(programme);
        assertThat(b.getList("programme.consortium.tables.effectiveFrom")).containsExactly(null, "2027-04-01");
        assertThat(b.getList("programme.consortium.tables[0].shares.name")).containsExactly("SoftBank", "NEC");
        assertThat(b.getList("programme.consortium.tables[1].shares.shareBasisPoints", Integer.class))
                .containsExactly(5000, 3000, 2000);
        assertThat(b.getList("programme.consortium.prospective")).containsExactly("Rakuten");

        // a member of the consortium sees its board; a member of another programme's recipient does not know it
        String member = Tokens.member("member.nec", nec.toString());
        String outsider = Tokens.member("member.other", UUID.randomUUID().toString());
        given().auth().oauth2(member).get("/api/dashboard/{p}", programme).then().statusCode(200);
        given().auth().oauth2(outsider).get("/api/dashboard/{p}", programme).then().statusCode(404);
        assertThat(given().auth().oauth2(member).get("/api/dashboard?size=200").then().statusCode(200).extract()
                .jsonPath().getList("items.programmeId")).contains(programme.toString());
        assertThat(given().auth().oauth2(outsider).get("/api/dashboard?size=200").then().statusCode(200).extract()
                .jsonPath().getList("items")).isEmpty();
    }

    @Test
    void aHeldTrancheSaysWhyAndWhatIsRecommendedAndTheUtilizationIsShown() {
        UUID programme = UUID.randomUUID();
        UUID tranche = UUID.randomUUID();
        // ¥800 bn committed of ¥1 trillion: 80.00 % used
        publish("aifund.tranche-events.v1", Events.tranche(programme, tranche, 2027, "APPROVED", 200_000_000_000L,
                200_000_000_000L, MEMBERS));
        // the two topics are not ordered against each other: the review must find the tranche in the copy
        await().atMost(Duration.ofSeconds(30)).until(() -> status(programme) == 200
                && board(programme).getInt("utilizationBasisPoints") == 8000);
        publish("aifund.review-events.v1", Events.review("finalized", programme, UUID.randomUUID(), 2026, 3000, "FAILED",
                List.of(new Milestone("PARAMS", true, 10_000, "40", "MISSED", 0))));
        ObjectNode held = Events.tranche(programme, tranche, 2027, "ON_HOLD", 200_000_000_000L, 200_000_000_000L, MEMBERS);
        held.with("data").with("change").put("reason", "pullback recommended after the FY2026 review");
        publish("aifund.tranche-events.v1", held);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(programme) == 200
                && board(programme).getList("held").size() == 1
                && board(programme).get("held[0].recommendation") != null);
        JsonPath b = board(programme);
        assertThat(b.getInt("utilizationBasisPoints")).isEqualTo(8000);
        assertThat(b.getString("held[0].trancheId")).isEqualTo(tranche.toString());
        assertThat(b.getString("held[0].reason")).isEqualTo("pullback recommended after the FY2026 review");
        assertThat(b.getString("held[0].since")).isNotNull();
        assertThat(b.getString("held[0].recipientName")).isNull(); // the consortium, not a member
        assertThat(b.getString("held[0].recommendation.kind")).isEqualTo("PULLBACK_RECOMMENDED");
        // ¥200,000,000,000 gated × (1 − 30 %) = ¥140,000,000,000
        assertThat(b.getLong("held[0].recommendation.reduction")).isEqualTo(140_000_000_000L);
    }

    /** A programme event of budget decision {@code decision} of kind TERMINATE, in {@code state}. */
    private static ObjectNode termination(String change, UUID programme, long sequence, UUID decision, String state) {
        ObjectNode e = Events.programme(change, programme, "Noetra foundation model", sequence,
                state.equals("PROPOSED") ? null : Events.nextLedgerEntry(), 0);
        ObjectNode c = (ObjectNode) e.get("data").get("change");
        c.put("kind", change.equals("terminated") ? "PROGRAMME_TERMINATED" : c.get("kind").asText());
        c.putObject("budgetDecision").put("budgetDecisionId", decision.toString()).put("kind", "TERMINATE")
                .put("state", state).put("grounds", "RECIPIENT_BREACH").put("returnDeadline", "2028-12-01")
                .put("proposedBy", "meti.yamada").put("decidedBy", state.equals("PROPOSED") ? null : "meti.suzuki")
                .putArray("trancheIds");
        return e;
    }

    @Test
    void aTerminationDecisionFollowsTheTerminationReviewAndTheBoardShowsTheYearsTheTerminationClosed() {
        UUID programme = UUID.randomUUID();
        List<Milestone> missed = List.of(new Milestone("PARAMS", true, 10_000, "40", "MISSED", 0));
        publish("aifund.review-events.v1", Events.review("finalized", programme, UUID.randomUUID(), 2026, 3000, "FAILED", missed));
        publish("aifund.review-events.v1", Events.review("finalized", programme, UUID.randomUUID(), 2027, 3000, "FAILED", missed));
        await().atMost(Duration.ofSeconds(30)).until(() -> !terminationReviews(programme).isEmpty());

        UUID decision = UUID.randomUUID();
        ObjectNode proposed = termination("budget-decision-proposed", programme, 1, decision, "PROPOSED");
        assertThat(Contracts.violations(proposed)).isEmpty();
        publish("aifund.programme-events.v1", proposed);
        await().atMost(Duration.ofSeconds(60)).until(() -> terminationReviews(programme).get(0).get("decision") != null);
        Map<String, Object> linked = terminationReviews(programme).get(0);
        assertThat(linked).containsEntry("state", "OPEN")
                .containsEntry("decision", Map.of("budgetDecisionId", decision.toString(), "state", "PROPOSED"));

        publish("aifund.programme-events.v1", termination("budget-decision-confirmed", programme, 2, decision, "CONFIRMED"));
        ObjectNode terminated = termination("terminated", programme, 3, decision, "CONFIRMED");
        ObjectNode data = (ObjectNode) terminated.get("data");
        data.put("state", "TERMINATED");
        data.putArray("envelopes").addObject().put("fiscalYear", 2026).put("amount", 60_000_000_000L)
                .put("committed", 0).put("disbursed", 60_000_000_000L).put("recovered", 0).put("gate", "NOT_GATED")
                .put("carriedIn", 0).put("carriedOut", 5_000_000_000L).put("reappropriated", 0)
                .put("lapsed", 35_000_000_000L).put("closedAt", "2027-11-10T05:00:00Z");
        assertThat(Contracts.violations(terminated)).isEmpty();
        publish("aifund.programme-events.v1", terminated);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(terminationReviews(programme).get(0).get("state"))
                && status(programme) == 200 && "TERMINATED".equals(board(programme).getString("programme.state")));
        Map<String, Object> resolved = terminationReviews(programme).get(0);
        assertThat(resolved).containsEntry("decision", Map.of("budgetDecisionId", decision.toString(), "state", "CONFIRMED"));
        assertThat(((Map<?, ?>) resolved.get("resolved")).get("note").toString()).contains(decision.toString());
        JsonPath b = board(programme);
        assertThat(b.getLong("programme.envelopes[0].lapsed")).isEqualTo(35_000_000_000L);
        assertThat(b.getLong("programme.envelopes[0].carriedOut")).isEqualTo(5_000_000_000L);
        assertThat(b.getString("programme.envelopes[0].closedAt")).isEqualTo("2027-11-10T05:00:00Z");
    }

    private static List<Map<String, Object>> terminationReviews(UUID programme) {
        return given().auth().oauth2(Tokens.of("auditor.ito", Roles.AUDITOR))
                .get("/api/warnings?programmeId={p}&kind=TERMINATION_REVIEW", programme).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }
}
