package jp.go.meti.aifund.notification.flow;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.notification.support.Events;
import jp.go.meti.aifund.notification.support.Events.Milestone;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * A goal followed through the review events on the real topic: its latest finalized result off track
 * raises one GOAL_OFF_TRACK warning per goal; a later result back on track resolves it; a correction of
 * an earlier year is not the latest result and changes nothing.
 */
@QuarkusTest
class GoalOffTrackFlowTest {

    private static final List<Milestone> PASSED = List.of(new Milestone("PARAMS", true, 10_000, "80", "MET", 10_000));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaCompanion kafka;
    private UUID programme;
    private UUID goal;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
        programme = UUID.randomUUID();
        goal = UUID.randomUUID();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    /** A finalized review of the year whose milestone implements the checkpoint of the goal {@code code}. */
    private ObjectNode reviewed(String kind, UUID reviewId, int fiscalYear, UUID goalId, String code,
            String projectedFinal, boolean onTrack) {
        return Events.implementingGoal(Events.review(kind, programme, reviewId, fiscalYear, 10_000, "PASSED", PASSED),
                goalId, code, "80", projectedFinal, onTrack);
    }

    /** Sent to the review topic, keyed by the programme: applied in the order sent. */
    private void publish(ObjectNode event) {
        publish("aifund.review-events.v1", event);
    }

    private void publish(String topic, ObjectNode event) {
        assertThat(Contracts.violations(event)).as("the test's own event follows the contract").isEmpty();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic,
                event.get("partitionkey").asText(), event.toString());
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    private static io.restassured.specification.RequestSpecification as() {
        return given().auth().oauth2(Tokens.of("auditor.ito", Roles.AUDITOR));
    }

    /** The programme's GOAL_OFF_TRACK warnings of the goal {@code code}. */
    private List<Map<String, Object>> goalWarnings(String code) {
        List<Map<String, Object>> all = as().get("/api/warnings?programmeId={p}&kind=GOAL_OFF_TRACK", programme)
                .then().statusCode(200).extract().jsonPath().getList("items");
        return all.stream().filter(w -> w.get("title").toString().startsWith("Goal " + code + " ")).toList();
    }

    @Test
    void theDashboardShowsEachGoalsPlanAndActualOverTheReviewedYears() {
        publish("aifund.programme-events.v1", Events.programme("created", programme, "Noetra foundation model", 1,
                Events.nextLedgerEntry(), 0));
        // the milestone's actual is 80 both years: 80 of a plan of 80 is on track, 80 of a plan of 100 projects 800e9
        publish(reviewed("finalized", UUID.randomUUID(), 2026, goal, "MODEL-SIZE", "1000000000000", true));
        ObjectNode fy2027 = reviewed("finalized", UUID.randomUUID(), 2027, goal, "MODEL-SIZE", "800000000000", false);
        ((ObjectNode) fy2027.at("/data/milestones/0/goal")).put("checkpointTarget", "100");
        publish(fy2027);
        await().atMost(Duration.ofSeconds(30)).until(() -> as().get("/api/dashboard/{p}", programme).statusCode() == 200
                && as().get("/api/dashboard/{p}", programme).then().extract().jsonPath().getList("goals[0].points").size() == 2);
        io.restassured.path.json.JsonPath b = as().get("/api/dashboard/{p}", programme).then().extract().jsonPath();
        assertThat(b.getString("goals[0].code")).isEqualTo("MODEL-SIZE");
        assertThat(b.getString("goals[0].finalTarget")).isEqualTo("1000000000000");
        assertThat(b.getList("goals[0].points.fiscalYear", Integer.class)).containsExactly(2026, 2027);
        assertThat(b.getList("goals[0].points.checkpointTarget")).containsExactly("80", "100");
        assertThat(b.getList("goals[0].points.actual")).containsExactly("80", "80");
        assertThat(b.getList("goals[0].points.onTrack")).containsExactly(true, false);
    }

    @Test
    void theLatestResultOffTrackRaisesOneWarningAndALaterOneBackOnTrackResolvesIt() {
        // FY2027: 64 of a planned 80 is 4/5 of plan: 4/5 × 1e12 = 800e9, short of a trillion
        UUID fy2027 = UUID.randomUUID();
        publish(reviewed("finalized", fy2027, 2027, goal, "MODEL-SIZE", "800000000000", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> goalWarnings("MODEL-SIZE").size() == 1);
        Map<String, Object> warning = goalWarnings("MODEL-SIZE").get(0);
        assertThat(warning).containsEntry("severity", "WARNING").containsEntry("state", "OPEN")
                .containsEntry("fiscalYear", 2027);
        assertThat(warning.get("title").toString()).contains("800000000000").contains("by FY2030");
        assertThat(warning.get("detail").toString()).contains("below the final threshold 1000000000000");

        // FY2028 still off track: the same warning stays open, no second one
        publish(reviewed("finalized", UUID.randomUUID(), 2028, goal, "MODEL-SIZE", "900000000000", false));
        // an amendment of FY2027 back on track is not the goal's latest result: it resolves nothing
        ObjectNode amendment = reviewed("amended", UUID.randomUUID(), 2027, goal, "MODEL-SIZE", "1100000000000", true);
        ((ObjectNode) amendment.get("data")).put("revision", 2).put("amends", fy2027.toString())
                .put("amendmentReason", "recount");
        publish(amendment);
        // another goal's warning, sent after them on the same partition: once it is here, they were applied
        publish(reviewed("finalized", UUID.randomUUID(), 2028, UUID.randomUUID(), "ROBOTS", "10", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> goalWarnings("ROBOTS").size() == 1);
        assertThat(goalWarnings("MODEL-SIZE")).hasSize(1).first()
                .satisfies(w -> assertThat(w).containsEntry("state", "OPEN").containsEntry("fiscalYear", 2027));

        // FY2029 back on track resolves it, saying why; the other goal's stays open
        publish(reviewed("finalized", UUID.randomUUID(), 2029, goal, "MODEL-SIZE", "1050000000000", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(goalWarnings("MODEL-SIZE").get(0).get("state")));
        assertThat(goalWarnings("MODEL-SIZE")).hasSize(1);
        assertThat(goalWarnings("MODEL-SIZE").get(0).toString()).contains("FY2029's result projects goal MODEL-SIZE back on track");
        assertThat(goalWarnings("ROBOTS").get(0)).containsEntry("state", "OPEN");
    }
}
