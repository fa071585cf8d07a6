package jp.go.meti.aifund.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.scoring.ReviewScoring.Item;
import jp.go.meti.aifund.scoring.ReviewScoring.Score;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.Ratio;

class ReviewScoringTest {

    private static Item item(String code, int weight, boolean critical, Assessment assessment, String achievement) {
        return new Item(code, weight, critical, new Kpi.Result(assessment, Ratio.parse(achievement)));
    }

    private static Item met(String code, int weight, boolean critical) {
        return item(code, weight, critical, Assessment.MET, "1/1");
    }

    @Test
    void allTargetsMetPasses() {
        Score score = ReviewScoring.score(List.of(met("PARAMS", 4000, true), met("BENCH", 6000, false)));
        assertThat(score).isEqualTo(new Score(Ratio.ONE, Outcome.PASSED, ReviewScoring.VERSION));
        assertThat(score.scoreBasisPoints()).isEqualTo(10_000);
    }

    @Test
    void theScoreIsTheExactWeightedSumAndOnlyItsDisplayIsRounded() {
        // 3333/10000 × 1/3 + 3333/10000 × 1/3 + 3334/10000 × 1 = 2222/10000 + 3334/10000 = 5556/10000 = 1389/2500;
        // summing achievements first rounded to 3333 bp gave 5555 bp
        Score score = ReviewScoring.score(List.of(
                item("A", 3333, false, Assessment.PARTIALLY_MET, "1/3"),
                item("B", 3333, false, Assessment.PARTIALLY_MET, "1/3"),
                met("C", 3334, false)));
        assertThat(score.exact()).isEqualTo(Ratio.parse("1389/2500"));
        assertThat(score.scoreBasisPoints()).isEqualTo(5556);
        assertThat(score.outcome()).isEqualTo(Outcome.CONDITIONAL);
    }

    /** Two KPIs 0 → 100 of equal weight, measured 79.995 and 80.005: exactly 80 %, a pass. */
    @Test
    void resultsThatAverageExactlyThePassMarkPass() {
        Kpi kpi = new Kpi(Direction.AT_LEAST, new BigDecimal("100"), BigDecimal.ZERO);
        Score score = ReviewScoring.score(List.of(
                new Item("A", 5000, false, kpi.assess(new BigDecimal("79.995"))),   // 15999/20000, shown 7999 bp
                new Item("B", 5000, false, kpi.assess(new BigDecimal("80.005")))));  // 16001/20000, shown 8000 bp
        // (15999 + 16001) / 40000 = 4/5; version 1 summed 7999 + 8000 bp and failed to pass at 7999 bp
        assertThat(score.exact()).isEqualTo(Ratio.parse("4/5"));
        assertThat(score.scoreBasisPoints()).isEqualTo(8000);
        assertThat(score.outcome()).isEqualTo(Outcome.PASSED);
    }

    /** The same at the 50 % mark: 49.995 and 50.005 are exactly 50 %, conditional rather than failed. */
    @Test
    void resultsThatAverageExactlyTheConditionalMarkAreConditional() {
        Kpi kpi = new Kpi(Direction.AT_LEAST, new BigDecimal("100"), BigDecimal.ZERO);
        Score score = ReviewScoring.score(List.of(
                new Item("A", 5000, false, kpi.assess(new BigDecimal("49.995"))),
                new Item("B", 5000, false, kpi.assess(new BigDecimal("50.005")))));
        assertThat(score.exact()).isEqualTo(Ratio.parse("1/2"));
        assertThat(score.outcome()).isEqualTo(Outcome.CONDITIONAL);
    }

    /** A hair under the mark stays under it, however the display rounds. */
    @Test
    void aScoreJustBelowThePassMarkIsConditional() {
        Kpi kpi = new Kpi(Direction.AT_LEAST, new BigDecimal("100"), BigDecimal.ZERO);
        Score score = ReviewScoring.score(List.of(
                new Item("A", 5000, false, kpi.assess(new BigDecimal("79.995"))),
                new Item("B", 5000, false, kpi.assess(new BigDecimal("80.004999")))));
        assertThat(score.exact().isBelow(Ratio.parse("4/5"))).isTrue();
        assertThat(score.outcome()).isEqualTo(Outcome.CONDITIONAL);
    }

    @Test
    void aMissedCriticalMilestoneFailsWhateverTheScore() {
        Score score = ReviewScoring.score(List.of(item("ROBOTS", 500, true, Assessment.MISSED, "0/1"), met("BENCH", 9500, false)));
        assertThat(score.scoreBasisPoints()).isEqualTo(9500);
        assertThat(score.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aMissedNonCriticalMilestoneIsAtBestConditional() {
        Score score = ReviewScoring.score(List.of(item("ENERGY", 500, false, Assessment.MISSED, "0/1"), met("BENCH", 9500, true)));
        assertThat(score).isEqualTo(new Score(Ratio.parse("19/20"), Outcome.CONDITIONAL, ReviewScoring.VERSION));
    }

    @Test
    void outcomeBoundariesAreInclusiveOfThePassMark() {
        assertThat(outcomeAt(ReviewScoring.PASSED_FROM)).isEqualTo(Outcome.PASSED);
        assertThat(outcomeAt(ReviewScoring.PASSED_FROM - 1)).isEqualTo(Outcome.CONDITIONAL);
        assertThat(outcomeAt(ReviewScoring.CONDITIONAL_FROM)).isEqualTo(Outcome.CONDITIONAL);
        assertThat(outcomeAt(ReviewScoring.CONDITIONAL_FROM - 1)).isEqualTo(Outcome.FAILED);
    }

    private static Outcome outcomeAt(int basisPoints) {
        return ReviewScoring.score(List.of(new Item("ONLY", 10_000, true,
                new Kpi.Result(Assessment.PARTIALLY_MET, Ratio.basisPoints(basisPoints))))).outcome();
    }

    @Test
    void weightsMustAddUpToExactlyOneHundredPercent() {
        assertThatThrownBy(() -> ReviewScoring.score(List.of(met("A", 5000, false), met("B", 4999, false))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("99.99 %");
        assertThatThrownBy(() -> ReviewScoring.score(List.of(met("A", 5000, false), met("B", 5001, false))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("100.01 %");
        assertThatThrownBy(() -> ReviewScoring.score(List.of())).isInstanceOf(ConflictException.class);
    }
}
