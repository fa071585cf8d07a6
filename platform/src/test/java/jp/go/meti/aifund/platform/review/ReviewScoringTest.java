package jp.go.meti.aifund.platform.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.platform.review.ReviewScoring.Item;
import jp.go.meti.aifund.platform.review.ReviewScoring.Score;
import jp.go.meti.aifund.platform.domain.ConflictException;

class ReviewScoringTest {

    private static Item item(String code, int weight, boolean critical, Assessment assessment, int achievement) {
        return new Item(code, weight, critical, new Kpi.Result(assessment, achievement));
    }

    private static Item met(String code, int weight, boolean critical) {
        return item(code, weight, critical, Assessment.MET, 10_000);
    }

    @Test
    void allTargetsMetPasses() {
        Score score = ReviewScoring.score(List.of(met("PARAMS", 4000, true), met("BENCH", 6000, false)));
        assertThat(score).isEqualTo(new Score(10_000, Outcome.PASSED, ReviewScoring.VERSION));
    }

    @Test
    void theScoreIsTheWeightedSumRoundedDown() {
        // 3333 × 3333 + 3333 × 3333 + 3334 × 10000 = 55,557,778 → 5,555.7778 bp → 5,555 bp
        Score score = ReviewScoring.score(List.of(
                item("A", 3333, false, Assessment.PARTIALLY_MET, 3333),
                item("B", 3333, false, Assessment.PARTIALLY_MET, 3333),
                met("C", 3334, false)));
        assertThat(score.scoreBasisPoints()).isEqualTo(5555);
        assertThat(score.outcome()).isEqualTo(Outcome.CONDITIONAL);
    }

    @Test
    void aMissedCriticalMilestoneFailsWhateverTheScore() {
        Score score = ReviewScoring.score(List.of(item("ROBOTS", 500, true, Assessment.MISSED, 0), met("BENCH", 9500, false)));
        assertThat(score.scoreBasisPoints()).isEqualTo(9500);
        assertThat(score.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aMissedNonCriticalMilestoneIsAtBestConditional() {
        Score score = ReviewScoring.score(List.of(item("ENERGY", 500, false, Assessment.MISSED, 0), met("BENCH", 9500, true)));
        assertThat(score).isEqualTo(new Score(9500, Outcome.CONDITIONAL, ReviewScoring.VERSION));
    }

    @Test
    void outcomeBoundariesAreInclusiveOfThePassMark() {
        assertThat(outcomeAt(ReviewScoring.PASSED_FROM)).isEqualTo(Outcome.PASSED);
        assertThat(outcomeAt(ReviewScoring.PASSED_FROM - 1)).isEqualTo(Outcome.CONDITIONAL);
        assertThat(outcomeAt(ReviewScoring.CONDITIONAL_FROM)).isEqualTo(Outcome.CONDITIONAL);
        assertThat(outcomeAt(ReviewScoring.CONDITIONAL_FROM - 1)).isEqualTo(Outcome.FAILED);
    }

    private static Outcome outcomeAt(int achievement) {
        return ReviewScoring.score(List.of(item("ONLY", 10_000, true, Assessment.PARTIALLY_MET, achievement))).outcome();
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
