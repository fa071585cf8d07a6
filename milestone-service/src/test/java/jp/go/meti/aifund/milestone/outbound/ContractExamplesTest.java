package jp.go.meti.aifund.milestone.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.go.meti.aifund.infra.testing.Contracts;
import jp.go.meti.aifund.milestone.domain.Projection;
import jp.go.meti.aifund.scoring.Direction;
import jp.go.meti.aifund.scoring.Kpi;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.scoring.ReviewScoring;

/**
 * The published review examples are valid, their figures are what the rules compute, and every
 * review event type the service emits is published with a schema and an example.
 */
class ContractExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "contracts", "examples");

    static Stream<Path> reviewExamples() throws IOException {
        return Files.list(EXAMPLES).filter(p -> p.getFileName().toString().startsWith(ReviewEvents.TYPE_PREFIX)).sorted();
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(EXAMPLES).filter(p -> p.getFileName().toString().startsWith(ReviewEvents.TYPE_PREFIX)
                || p.getFileName().toString().startsWith("jp.go.meti.aifund.milestone.")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleValidatesAgainstTheSchemaOfItsType(Path example) throws IOException {
        assertThat(Contracts.violations(new ObjectMapper().readTree(example.toFile()))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("reviewExamples")
    void everyExamplesAssessmentsScoreAndOutcomeAreWhatTheRulesCompute(Path example) throws IOException {
        JsonNode data = new ObjectMapper().readTree(example.toFile()).get("data");
        List<ReviewScoring.Item> items = new ArrayList<>();
        for (JsonNode m : data.get("milestones")) {
            Kpi kpi = new Kpi(Direction.valueOf(m.get("direction").asText()), new BigDecimal(m.get("target").asText()),
                    new BigDecimal(m.get("threshold").asText()));
            Kpi.Result result = kpi.assess(new BigDecimal(m.get("actual").asText()));
            assertThat(result.assessment().name()).as(m.get("code").asText()).isEqualTo(m.get("assessment").asText());
            assertThat(result.achievementBasisPoints()).as(m.get("code").asText())
                    .isEqualTo(m.get("achievementBasisPoints").asInt());
            assertThat(result.achievement()).as(m.get("code").asText()).isEqualTo(Ratio.parse(m.get("achievement").asText()));
            items.add(new ReviewScoring.Item(m.get("code").asText(), m.get("weightBasisPoints").asInt(),
                    m.get("critical").asBoolean(), result));
        }
        ReviewScoring.Score score = ReviewScoring.score(items);
        assertThat(score.scoreBasisPoints()).isEqualTo(data.get("scoreBasisPoints").asInt());
        assertThat(score.exact()).isEqualTo(Ratio.parse(data.get("score").asText()));
        assertThat(score.outcome().name()).isEqualTo(data.get("outcome").asText());
        assertThat(score.ruleVersion()).isEqualTo(data.get("ruleVersion").asText());
    }

    @ParameterizedTest
    @MethodSource("reviewExamples")
    void everyExamplesGoalProjectionIsWhatTheRuleComputes(Path example) throws IOException {
        for (JsonNode m : new ObjectMapper().readTree(example.toFile()).at("/data/milestones")) {
            JsonNode goal = m.path("goal");
            if (goal.isObject()) {
                Projection p = Projection.of(Direction.valueOf(goal.get("direction").asText()),
                        new BigDecimal(goal.get("finalTarget").asText()), new BigDecimal(goal.get("finalThreshold").asText()),
                        new BigDecimal(goal.get("checkpointTarget").asText()), new BigDecimal(m.get("actual").asText()));
                assertThat(p.projectedFinal().toPlainString()).isEqualTo(goal.get("projectedFinal").asText());
                assertThat(p.onTrack()).isEqualTo(goal.get("onTrack").asBoolean());
            }
        }
    }

    @Test
    void everyEmittedTypeHasASchemaAndAnExample() {
        assertThat(List.of(ReviewEvents.SUBMITTED, ReviewEvents.FINALIZED, ReviewEvents.AMENDED,
                MilestoneEvents.DEFINED, MilestoneEvents.REMOVED)).allSatisfy(type -> {
            assertThat(EXAMPLES.resolve(type + ".json")).exists();
            assertThat(EXAMPLES.resolveSibling("schemas").resolve(type + ".schema.json")).exists();
        });
    }

    @Test
    void aMessageWithAFloatValueOrWithoutEvidenceIsRejectedBySchema() throws IOException {
        ObjectNode event = (ObjectNode) new ObjectMapper()
                .readTree(EXAMPLES.resolve(ReviewEvents.FINALIZED + ".json").toFile());
        ObjectNode milestone = (ObjectNode) event.at("/data/milestones/0");
        milestone.put("actual", 5.2e10);
        milestone.putArray("evidence");
        ((ObjectNode) event.get("data")).putNull("decision");
        assertThat(Contracts.violations(event)).extracting(Object::toString)
                .anyMatch(m -> m.contains("actual")).anyMatch(m -> m.contains("evidence"))
                .anyMatch(m -> m.contains("decision"));
    }
}
