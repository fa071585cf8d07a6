package jp.go.meti.aifund.milestone.aggregate;

import static jp.go.meti.aifund.milestone.aggregate.Fixtures.PROGRAMME;
import static jp.go.meti.aifund.milestone.aggregate.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.milestone.domain.Projection;
import jp.go.meti.aifund.scoring.Direction;

/** A goal's definition, its checkpoints within the programme, and which milestones may implement it. */
class GoalRulesTest {

    /** The programme of the news, FY2026–FY2030. */
    private static final ProgrammeCopy PROGRAMME_COPY = ProgrammeCopy.from(UUID.randomUUID(), PROGRAMME,
            "Sovereign multimodal model", 2026, 2030, 1, T0, T0);
    private static final BigDecimal TRILLION = new BigDecimal("1000000000000");

    private static List<Goal.Planned> modelSizeTrajectory() {
        return List.of(new Goal.Planned(2026, new BigDecimal("100000000000")),
                new Goal.Planned(2027, new BigDecimal("300000000000")),
                new Goal.Planned(2028, new BigDecimal("500000000000")),
                new Goal.Planned(2029, new BigDecimal("750000000000")), new Goal.Planned(2030, TRILLION));
    }

    private static Goal.Terms modelSize(Integer finalFiscalYear, LocalDate finalDate, List<Goal.Planned> checkpoints) {
        return new Goal.Terms(" Model size ", " parameters trained ", " parameters ", Direction.AT_LEAST, TRILLION, null,
                finalFiscalYear, finalDate, null, checkpoints);
    }

    private static Goal define(Goal.Terms terms) {
        return Goal.define(PROGRAMME_COPY, "MODEL-SIZE", terms, "nedo.officer", T0);
    }

    /** Refused naming {@code field}, the reason in the message. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Goal.Terms terms, String field) {
        return assertThatThrownBy(() -> define(terms)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo(field));
    }

    @Test
    void theModelSizeGoalHasAFinalFiscalYearAndItsThresholdIsTheTargetByDefault() {
        Goal goal = define(modelSize(2030, null, modelSizeTrajectory()));

        assertThat(goal.programmeId).isEqualTo(PROGRAMME);
        assertThat(goal.title).isEqualTo("Model size");
        assertThat(goal.unit).isEqualTo("parameters");
        assertThat(goal.finalThreshold).isEqualByComparingTo(TRILLION);
        assertThat(goal.finalFiscalYear).isEqualTo(2030);
        assertThat(goal.finalDate).isNull();
        assertThat(goal.checkpoints).extracting(c -> c.fiscalYear).containsExactly(2026, 2027, 2028, 2029, 2030);
        assertThat(goal.checkpoint(2027)).get().extracting(c -> c.target).isEqualTo(new BigDecimal("300000000000"));
        assertThat(goal.checkpoint(2031)).isEmpty();
        assertThat(goal.sectors).isEmpty();
    }

    @Test
    void theRobotGoalIsDueOnADateBeyondTheProgrammeInEighteenSectors() {
        List<String> sectors = IntStream.rangeClosed(1, 18).mapToObj(i -> " sector " + i + " ").toList();
        Goal goal = define(new Goal.Terms("Robots deployed", "AI robots deployed", "robots", Direction.AT_LEAST,
                new BigDecimal("10000000"), new BigDecimal("9000000"), null, LocalDate.of(2040, 3, 31), sectors,
                List.of(new Goal.Planned(2026, new BigDecimal("1000")), new Goal.Planned(2030, new BigDecimal("100000")))));

        assertThat(goal.finalDate).isEqualTo(LocalDate.of(2040, 3, 31));
        assertThat(goal.finalFiscalYear).isNull();
        assertThat(goal.sectors).hasSize(18).first().isEqualTo("sector 1");
        assertThat(goal.finalThreshold).isEqualByComparingTo("9000000");
    }

    @Test
    void theFinalIsAFiscalYearOrADateNotBothNorNeitherAndNotBeforeTheLastCheckpoint() {
        refused(modelSize(2030, LocalDate.of(2040, 3, 31), modelSizeTrajectory()), "finalDate");
        refused(modelSize(null, null, modelSizeTrajectory()), "finalFiscalYear");
        refused(modelSize(2029, null, modelSizeTrajectory()), "finalFiscalYear");
        // 2031-03-31 is the last day of FY2030: still the last checkpoint's year
        define(modelSize(null, LocalDate.of(2031, 3, 31), modelSizeTrajectory()));
        refused(modelSize(null, LocalDate.of(2030, 3, 31), modelSizeTrajectory()), "finalDate")
                .hasMessageContaining("(FY2029)");
    }

    @Test
    void checkpointsAreAscendingDistinctYearsOfTheProgramme() {
        refused(modelSize(2030, null, List.of()), "checkpoints");
        refused(modelSize(2030, null, List.of(new Goal.Planned(2025, BigDecimal.ONE))), "checkpoints[0].fiscalYear");
        refused(modelSize(2031, null, List.of(new Goal.Planned(2026, BigDecimal.ONE),
                new Goal.Planned(2031, BigDecimal.TEN))), "checkpoints[1].fiscalYear");
        refused(modelSize(2030, null, List.of(new Goal.Planned(2027, BigDecimal.ONE),
                new Goal.Planned(2026, BigDecimal.TEN))), "checkpoints[1].fiscalYear");
        refused(modelSize(2030, null, List.of(new Goal.Planned(2027, BigDecimal.ONE),
                new Goal.Planned(2027, BigDecimal.TEN))), "checkpoints[1].fiscalYear");
        refused(modelSize(2030, null, List.of(new Goal.Planned(2027, new BigDecimal("-1")))), "checkpoints[0].target");
        refused(modelSize(2030, null, List.of(new Goal.Planned(2027, new BigDecimal("0.0000001")))),
                "checkpoints[0].target");
    }

    @Test
    void theFinalThresholdIsOnTheAcceptableSideOfTheFinalTarget() {
        Goal.Terms above = new Goal.Terms("Model size", "parameters", "parameters", Direction.AT_LEAST, TRILLION,
                TRILLION.add(BigDecimal.ONE), 2030, null, null, modelSizeTrajectory());
        refused(above, "finalThreshold");
        Goal.Terms energyBelow = new Goal.Terms("Energy", "MWh per run", "MWh", Direction.AT_MOST, new BigDecimal("100"),
                new BigDecimal("99"), 2030, null, null, modelSizeTrajectory());
        refused(energyBelow, "finalThreshold");
        Goal.Terms negative = new Goal.Terms("Model size", "parameters", "parameters", Direction.AT_LEAST,
                new BigDecimal("-5"), null, 2030, null, null, modelSizeTrajectory());
        refused(negative, "finalTarget");
    }

    @Test
    void aSectorIsNamedOnce() {
        List<String> twice = new ArrayList<>(List.of("restaurants", "medicine", " restaurants"));
        refused(new Goal.Terms("Robots", "robots", "robots", Direction.AT_LEAST, BigDecimal.TEN, null, null,
                LocalDate.of(2040, 3, 31), twice, modelSizeTrajectory()), "sectors");
    }

    @Test
    void aMilestoneImplementsACheckpointOfItsYearInTheGoalsUnitAndDirection() {
        Goal goal = define(new Goal.Terms("Model size", "parameters", "parameters", Direction.AT_LEAST, TRILLION, null,
                2030, null, null, List.of(new Goal.Planned(2027, new BigDecimal("300000000000")))));

        goal.requireImplementableBy(PROGRAMME, 2027, " parameters ", Direction.AT_LEAST);
        assertThatThrownBy(() -> goal.requireImplementableBy(PROGRAMME, 2026, "parameters", Direction.AT_LEAST))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no checkpoint in FY2026")
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("implementsGoal");
        assertThatThrownBy(() -> goal.requireImplementableBy(PROGRAMME, 2027, "tokens", Direction.AT_LEAST))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("same unit and direction");
        assertThatThrownBy(() -> goal.requireImplementableBy(PROGRAMME, 2027, "parameters", Direction.AT_MOST))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("same unit and direction");
        assertThatThrownBy(() -> goal.requireImplementableBy(UUID.randomUUID(), 2027, "parameters", Direction.AT_LEAST))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("another programme");
    }

    @Test
    void aCheckpointYearsResultIsProjectedAgainstItsTarget() {
        Goal goal = define(modelSize(2030, null, modelSizeTrajectory()));

        // 240e9 of a planned 300e9 in FY2027: 4/5 of 1e12 = 800e9, short of the threshold 1e12
        assertThat(goal.project(2027, new BigDecimal("240000000000")))
                .isEqualTo(new Projection(new BigDecimal("800000000000"), false));
        assertThatThrownBy(() -> goal.project(2031, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
