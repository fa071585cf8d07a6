package jp.go.meti.aifund.funding.trust;

import static jp.go.meti.aifund.funding.support.FundingApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jp.go.meti.aifund.infra.local.KafkaBrokerProcess;
import jp.go.meti.aifund.infra.testing.KafkaTestResource;

/**
 * The broker goes away for 60 seconds while money keeps moving: every change commits (the API does
 * not depend on Kafka), its event waits in the outbox, and once the broker is back every event is
 * delivered once, in order, none lost (the relay waits out an outage of up to 5 min without giving
 * up on a send; consumers would drop a duplicate by its CloudEvent id, but none is sent).
 */
@QuarkusTest
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "aifund.funding.tranche-topic")
    String topic;

    @Test
    void everyChangeMadeWhileTheBrokerIsDownIsPublishedOnceItIsBack() throws Exception {
        KafkaBrokerProcess broker = KafkaTestResource.childBroker();
        Assumptions.assumeTrue(broker != null, "needs the child-process broker it can stop (not an external one)");
        String programme = programme(1_000_000_000_000L);
        envelope(programme, 2026, 500_000_000_000L);
        String recipient = consortium(programme);

        List<String> duringOutage = new ArrayList<>();
        long started = System.nanoTime();
        broker.stop();
        try {
            while (System.nanoTime() - started < OUTAGE.toNanos()) {
                String tranche = planned(programme, recipient, 2026, 1_000_000_000L);
                approve(programme, tranche).then().statusCode(200);
                duringOutage.add(tranche);
                Thread.sleep(3_000);
            }
            assertThat(outboxGauge("aifund_outbox_oldest_pending_seconds")).as("the first event waited the whole outage")
                    .isGreaterThan(OUTAGE.toSeconds() / 2);
        } finally {
            broker.start();
        }
        long outageSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        int expected = 2 * duringOutage.size();

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(topic);
            await().atMost(Duration.ofSeconds(120)).until(() -> ofProgramme(events, programme).stream()
                    .map(v -> field(v, "id")).distinct().count() >= expected);
            Thread.sleep(3_000); // a batch sent twice would show by now
            List<String> ids = ofProgramme(events, programme).stream().map(v -> field(v, "id")).toList();
            Set<String> distinct = Set.copyOf(ids);
            List<String> tranchesInOrder = ofProgramme(events, programme).stream()
                    .filter(v -> v.contains("tranche.planned.v1")).map(v -> field(v, "subject").substring(8))
                    .distinct().toList();
            events.stop();
            System.out.printf("broker outage: %d s, %d changes committed meanwhile, %d events delivered after, "
                    + "%d lost, %d duplicates%n", outageSeconds, expected, distinct.size(), expected - distinct.size(),
                    ids.size() - distinct.size());
            assertThat(distinct).hasSize(expected);
            assertThat(ids).as("no event sent twice").hasSize(expected);
            assertThat(tranchesInOrder).as("in the order of the changes").containsExactlyElementsOf(duringOutage);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxGauge("aifund_outbox_pending") == 0);
        assertThat(outboxGauge("aifund_outbox_oldest_pending_seconds")).as("nothing waits any more").isZero();
    }

    private double outboxGauge(String name) {
        return admin().get("/q/metrics").then().extract().asString().lines().filter(l -> l.startsWith(name + " "))
                .map(l -> Double.valueOf(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1.0);
    }

    private static List<String> ofProgramme(ConsumerTask<String, String> events, String programme) {
        return events.getRecords().stream().filter(r -> programme.equals(r.key())).map(r -> r.value())
                .collect(Collectors.toList());
    }

    private static String field(String event, String name) {
        try {
            return JSON.readTree(event).get(name).asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
