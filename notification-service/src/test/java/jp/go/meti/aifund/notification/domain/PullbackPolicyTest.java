package jp.go.meti.aifund.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.LargestRemainder.Part;
import jp.go.meti.aifund.kernel.LargestRemainder.Share;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Finding;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Review;
import jp.go.meti.aifund.scoring.Outcome;
import jp.go.meti.aifund.kernel.Ratio;

class PullbackPolicyTest {

    private static final PullbackPolicy POLICY = new PullbackPolicy(1_000, 30);
    private static final UUID PROGRAMME = UUID.randomUUID();
    private static final List<Share> NOETRA = List.of(
            new Share(UUID.randomUUID(), "SoftBank", 4000), new Share(UUID.randomUUID(), "NEC", 2500),
            new Share(UUID.randomUUID(), "Sony Group", 2000), new Share(UUID.randomUUID(), "Honda", 1500));

    private static Review review(int scoreBasisPoints, Outcome outcome, String... criticalMissed) {
        return review(Ratio.basisPoints(scoreBasisPoints), outcome, criticalMissed);
    }

    private static Review review(Ratio score, Outcome outcome, String... criticalMissed) {
        return new Review(UUID.randomUUID(), PROGRAMME, 2027, score, outcome, List.of(criticalMissed));
    }

    @Test
    void aMissedCriticalMilestoneRecommendsAReductionSplitExactlyAcrossTheMembers() {
        // planned ¥200,000,000,001 × (1 − 38.70 %) = 122,600,000,000.613 → ¥122,600,000,000
        List<Finding> findings = POLICY.onReview(review(3870, Outcome.FAILED, "ROBOTS"), Outcome.PASSED,
                200_000_000_001L, NOETRA);
        assertThat(findings).extracting(Finding::kind).containsExactly(WarningKind.PULLBACK_RECOMMENDED);
        PullbackPolicy.Reduction reduction = findings.get(0).reduction();
        assertThat(reduction.amount()).isEqualTo(122_600_000_000L);
        assertThat(reduction.affectedFiscalYear()).isEqualTo(2028);
        assertThat(reduction.parts()).extracting(Part::amount)
                .containsExactly(49_040_000_000L, 30_650_000_000L, 24_520_000_000L, 18_390_000_000L);
        assertThat(reduction.parts().stream().mapToLong(Part::amount).sum()).isEqualTo(reduction.amount());
        assertThat(findings.get(0).detail().in(Locale.ENGLISH)).contains("¥122,600,000,000").contains("38.70 %");
    }

    /**
     * A critical miss (weight 20 %) and two KPIs at exactly a third each (weight 40 % each): the
     * score is 2 × 2/5 × 1/3 = 4/15. The reduction is ¥153,333,333,334 × 11/15 = 112,444,444,444.93…
     * → ¥112,444,444,444. Rounding each third to 3,333 bp first gave a score of 2,666 bp and
     * ¥153,333,333,334 × 7,334 / 10,000 = ¥112,454,666,667: ¥10,222,223 too much.
     */
    @Test
    void theReductionIsComputedFromTheExactScoreAndRoundedOnlyToTheYen() {
        PullbackPolicy.Reduction reduction = POLICY.onReview(review(Ratio.parse("4/15"), Outcome.FAILED, "PARAMS"),
                null, 153_333_333_334L, NOETRA).get(0).reduction();
        assertThat(reduction.amount()).isEqualTo(112_444_444_444L);
        assertThat(reduction.score()).isEqualTo(Ratio.parse("4/15"));
        assertThat(reduction.scoreBasisPoints()).isEqualTo(2666);
    }

    @Test
    void aPerfectScoreWithACriticalMissIsImpossibleButAZeroScoreTakesEverything() {
        assertThat(POLICY.onReview(review(0, Outcome.FAILED, "PARAMS"), null, 999, NOETRA).get(0).reduction().amount())
                .isEqualTo(999);
        assertThat(POLICY.onReview(review(9999, Outcome.FAILED, "PARAMS"), null, 9_999, NOETRA).get(0).reduction()
                .amount()).isZero(); // 9,999 × 0.0001 = 0.9999 → 0
    }

    @Test
    void conditionalIsWatchedAndTwoFailedYearsCallForATerminationReview() {
        assertThat(POLICY.onReview(review(7000, Outcome.CONDITIONAL), Outcome.FAILED, 0, NOETRA))
                .extracting(Finding::kind).containsExactly(WarningKind.WATCH);
        assertThat(POLICY.onReview(review(4000, Outcome.FAILED, "PARAMS"), Outcome.FAILED, 0, NOETRA))
                .extracting(Finding::kind)
                .containsExactly(WarningKind.PULLBACK_RECOMMENDED, WarningKind.TERMINATION_REVIEW);
        assertThat(POLICY.onReview(review(4000, Outcome.FAILED), Outcome.CONDITIONAL, 0, NOETRA)).isEmpty();
        assertThat(POLICY.onReview(review(9000, Outcome.PASSED), Outcome.FAILED, 0, NOETRA)).isEmpty();
    }

    @Test
    void theCeilingIsNearUnderTheConfiguredShareOfHeadroom() {
        long ceiling = 1_000_000_000_000L;
        assertThat(POLICY.onTotals(2027, ceiling, 100_000_000_000L)).isEmpty(); // exactly 10 %: not under
        assertThat(POLICY.onTotals(2027, ceiling, 99_999_999_999L)).map(Finding::kind).contains(WarningKind.CEILING_NEAR);
    }

    @Test
    void deadlinesRemindThenWarn() {
        LocalDate due = LocalDate.of(2027, 6, 30);
        assertThat(POLICY.onDeadline(2026, due, due.minusDays(31))).isEmpty();
        assertThat(POLICY.onDeadline(2026, due, due.minusDays(30))).map(Finding::kind).contains(WarningKind.REVIEW_DUE_SOON);
        assertThat(POLICY.onDeadline(2026, due, due)).map(Finding::kind).contains(WarningKind.REVIEW_DUE_SOON);
        assertThat(POLICY.onDeadline(2026, due, due.plusDays(1))).map(Finding::kind).contains(WarningKind.REVIEW_OVERDUE);
    }

    @Test
    void theVersionNamesTheRulesAndTheirSettings() {
        assertThat(POLICY.version()).isEqualTo("pullback-policy/2;ceiling-near=1000bp;reminder=30d");
    }
}
