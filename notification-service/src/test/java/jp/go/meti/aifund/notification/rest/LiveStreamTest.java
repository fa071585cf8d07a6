package jp.go.meti.aifund.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import jp.go.meti.aifund.infra.testing.EventStream;
import jp.go.meti.aifund.infra.testing.EventStream.Frame;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.notification.service.WarningFeed;
import jp.go.meti.aifund.notification.support.Events;
import jp.go.meti.aifund.notification.support.Events.Member;
import jp.go.meti.aifund.notification.support.Events.Milestone;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * The live stream as a follower meets it over a real connection: keep-alive comments while quiet,
 * an id, name and retry on every frame, life-cycle changes as frames of their own, programme
 * updates, one programme's frames only, and a resumption with Last-Event-ID that loses nothing
 * raised while it was cut (the test's keep-alive is 1 s; the 2-minute quiet stream under the
 * production settings is in the system test).
 */
@QuarkusTest
class LiveStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Member> MEMBERS = List.of(new Member(UUID.randomUUID(), "SoftBank", 10_000));
    private static final List<Milestone> HALFWAY = List.of(new Milestone("BENCH", false, 10_000, "70", "PARTIALLY_MET", 5000));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    WarningFeed feed;

    private static String url(UUID programme) {
        return RestAssured.baseURI + ":" + RestAssured.port + "/api/warnings/stream?programmeId=" + programme;
    }

    private static String token() {
        return Tokens.of("meti.suzuki", Roles.METI_OFFICIAL);
    }

    private void publish(String topic, ObjectNode event) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, event.get("partitionkey").asText(), event.toString());
            r.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(r).awaitCompletion();
        }
    }

    /** A CONDITIONAL review of the year: one WATCH warning. */
    private void conditionalReview(UUID programme, int fiscalYear) {
        publish("aifund.review-events.v1",
                Events.review("finalized", programme, UUID.randomUUID(), fiscalYear, 5000, "CONDITIONAL", HALFWAY));
    }

    private static String warningId(Frame frame) throws Exception {
        return JSON.readTree(frame.data()).get("id").asText();
    }

    @Test
    void aQuietStreamIsKeptAliveAndEveryFrameCarriesItsIdNameAndTheRetry() throws Exception {
        UUID programme = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (EventStream stream = EventStream.open(url(programme), token(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.comments().stream()
                    .filter("keep-alive"::equals).count() >= 3);
            assertThat(stream.open()).as("quiet for 3 keep-alives, still open").isTrue();
            assertThat(stream.comments()).first().isEqualTo("connected");
            assertThat(stream.retry()).isEqualTo(3000L);
            assertThat(stream.frames()).as("nothing happened to the programme").isEmpty();

            conditionalReview(other, 2026); // another programme's: not on this stream
            conditionalReview(programme, 2026);
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.frames("warning.raised").isEmpty()
                    && !stream.frames("programme.updated").isEmpty()); // both after one commit, in either order
            Frame raised = stream.frames("warning.raised").get(0);
            assertThat(Long.parseLong(raised.id())).isPositive();
            JsonNode warning = JSON.readTree(raised.data());
            assertThat(warning.get("kind").asText()).isEqualTo("WATCH");
            assertThat(warning.get("programmeId").asText()).isEqualTo(programme.toString());
            assertThat(stream.frames("programme.updated")).as("the review changed the programme's read model")
                    .isNotEmpty().allSatisfy(f -> assertThat(f.id()).isNull())
                    .allSatisfy(f -> assertThat(JSON.readTree(f.data()).get("programmeId").asText())
                            .isEqualTo(programme.toString()));

            String etag = given().auth().oauth2(token()).get("/api/warnings/{w}", warningId(raised)).then()
                    .extract().header("ETag");
            given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("note", "seen")).post("/api/warnings/{w}/acknowledge", warningId(raised))
                    .then().statusCode(200);
            given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("note", "plan revised"))
                    .post("/api/warnings/{w}/resolve", warningId(raised)).then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.frames("warning.resolved").isEmpty());
            Frame acknowledged = stream.frames("warning.acknowledged").get(0);
            Frame resolved = stream.frames("warning.resolved").get(0);
            assertThat(JSON.readTree(acknowledged.data()).get("state").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(JSON.readTree(resolved.data()).get("resolved").get("note").asText()).isEqualTo("plan revised");
            assertThat(List.of(Long.parseLong(raised.id()), Long.parseLong(acknowledged.id()), Long.parseLong(resolved.id())))
                    .as("positions increase in the order of the changes").isSorted().doesNotHaveDuplicates();
            assertThat(stream.frames()).allSatisfy(f -> assertThat(f.data()).doesNotContain(other.toString()));
        }
    }

    @Test
    void eachFollowerReadsAWarningsTitleAndDetailInItsLanguageAsOverRest() throws Exception {
        UUID programme = UUID.randomUUID();
        try (EventStream english = EventStream.open(url(programme), token(), null);
                EventStream japanese = EventStream.open(url(programme), token(), null, "ja-JP,ja;q=0.9,en;q=0.5")) {
            conditionalReview(programme, 2026);
            await().atMost(Duration.ofSeconds(30)).until(() -> !english.frames("warning.raised").isEmpty()
                    && !japanese.frames("warning.raised").isEmpty());
            JsonNode en = JSON.readTree(english.frames("warning.raised").get(0).data());
            JsonNode ja = JSON.readTree(japanese.frames("warning.raised").get(0).data());
            assertThat(ja.get("id")).isEqualTo(en.get("id"));
            for (String text : List.of("title", "detail")) {
                assertThat(en.get(text).asText()).isEqualTo(given().auth().oauth2(token())
                        .get("/api/warnings/{w}", en.get("id").asText()).then().extract().path(text));
                assertThat(ja.get(text).asText()).isNotEqualTo(en.get(text).asText())
                        .isEqualTo(given().auth().oauth2(token()).header("Accept-Language", "ja")
                                .get("/api/warnings/{w}", en.get("id").asText()).then().extract().path(text));
            }
            assertThat(ja.get("title").asText()).contains("令和8年度");
            ((com.fasterxml.jackson.databind.node.ObjectNode) ja).remove(List.of("title", "detail"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) en).remove(List.of("title", "detail"));
            assertThat(ja).as("the rest of the frame is the same").isEqualTo(en);
        }
    }

    @Test
    void aFollowerCutOffDuringThreeWarningsGetsEachOnceWhenItResumesWithItsLastEventId() throws Exception {
        UUID programme = UUID.randomUUID();
        String resumeAfter;
        try (EventStream first = EventStream.open(url(programme), token(), null)) {
            conditionalReview(programme, 2026);
            await().atMost(Duration.ofSeconds(30)).until(() -> first.lastEventId() != null);
            resumeAfter = first.lastEventId();
        } // cut
        conditionalReview(programme, 2027);
        conditionalReview(programme, 2028);
        conditionalReview(programme, 2029);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token())
                .get("/api/warnings?programmeId={p}", programme).then().extract().jsonPath().getInt("totalItems") == 4);

        try (EventStream resumed = EventStream.open(url(programme), token(), resumeAfter)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.frames("warning.raised").size() >= 3);
            conditionalReview(programme, 2030); // and then live again
            await().atMost(Duration.ofSeconds(30)).until(() -> resumed.frames("warning.raised").size() >= 4);
            List<Integer> years = resumed.frames("warning.raised").stream()
                    .map(f -> readTree(f.data()).get("fiscalYear").asInt()).toList();
            assertThat(years).as("the three missed in order, once each, then the live one")
                    .containsExactly(2027, 2028, 2029, 2030);
            assertThat(resumed.frames("warning.raised")).extracting(f -> Long.parseLong(f.id())).isSorted()
                    .allSatisfy(id -> assertThat(id).isGreaterThan(Long.parseLong(resumeAfter)));
        }
    }

    @Test
    void aFollowerThatMissedMoreThanTheReplayLimitIsToldToResyncAndAMalformedLastEventIdIsRefused() {
        UUID programme = UUID.randomUUID();
        for (int year = 2026; year < 2026 + 6; year++) { // the test's replay limit is 5
            conditionalReview(programme, year);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token())
                .get("/api/warnings?programmeId={p}", programme).then().extract().jsonPath().getInt("totalItems") == 6);
        try (EventStream resumed = EventStream.open(url(programme), token(), "0")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !resumed.frames("resync").isEmpty());
            assertThat(resumed.frames("warning.raised")).isEmpty();
            assertThat(readTree(resumed.frames("resync").get(0).data()).get("reason").asText())
                    .contains("more than 5 changes").contains("GET /api/warnings");
        }
        try (EventStream japanese = EventStream.open(url(programme), token(), "0", "ja")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !japanese.frames("resync").isEmpty());
            assertThat(readTree(japanese.frames("resync").get(0).data()).get("reason").asText())
                    .contains("5 件を超えています").contains("GET /api/warnings");
        }
        for (String malformed : List.of("yesterday", "-1", "1.5")) {
            given().auth().oauth2(token()).header("Last-Event-ID", malformed).get("/api/warnings/stream").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("Last-Event-ID"));
        }
    }

    @Test
    void aFollowerThatLeavesIsForgottenSoNoStreamOutlivesItsClient() {
        int before = feed.followers();
        List<EventStream> streams = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            streams.add(EventStream.open(url(UUID.randomUUID()), token(), null));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.followers() == before + 5);
        assertThat(given().get("/q/metrics").asString()).containsPattern("aifund_stream_followers(\\{[^}]*\\})? [1-9]");
        streams.forEach(EventStream::close);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.followers() == before);
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
