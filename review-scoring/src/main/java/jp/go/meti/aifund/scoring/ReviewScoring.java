package jp.go.meti.aifund.scoring;

import java.util.List;
import jp.go.meti.aifund.kernel.Ratio;

/**
 * The review's score and outcome, rule version {@value #VERSION}. Any change to these rules is a
 * new version: the version is stored with every score it computed, so an outcome can be explained
 * years later by the rule that produced it. Shared: milestone-service computes with it, the
 * notification service's what-if preview applies exactly the same rule, and the published review
 * events carry its version.
 * <ul>
 * <li>score = Σ weight × achievement, an exact {@link Ratio} from the exact achievements: nothing is
 * rounded before the outcome is decided (version 1 summed achievements already rounded down to basis
 * points, which turned an exact 80 % into 79.99 %);</li>
 * <li>{@code FAILED} when a critical milestone is missed, or the score is below {@value #CONDITIONAL_FROM} bp;</li>
 * <li>{@code CONDITIONAL} when the score is below {@value #PASSED_FROM} bp, or any milestone is missed;</li>
 * <li>{@code PASSED} otherwise.</li>
 * </ul>
 * The score in basis points, ⌊score × 10,000⌋, is shown beside the exact one; it decides nothing.
 */
public final class ReviewScoring {

    public static final String VERSION = "review-scoring/2";
    public static final int PASSED_FROM = 8_000;
    public static final int CONDITIONAL_FROM = 5_000;
    private static final Ratio PASS_MARK = Ratio.basisPoints(PASSED_FROM);
    private static final Ratio CONDITIONAL_MARK = Ratio.basisPoints(CONDITIONAL_FROM);

    private ReviewScoring() {
    }

    /** One assessed milestone as the score sees it. */
    public record Item(String code, int weightBasisPoints, boolean critical, Kpi.Result result) {
    }

    /** The exact score and the outcome it decides. */
    public record Score(Ratio exact, Outcome outcome, String ruleVersion) {

        /** ⌊score × 10,000⌋, for display. */
        public int scoreBasisPoints() {
            return exact.floorBasisPoints();
        }
    }

    public static Score score(List<Item> items) {
        Weights.requireComplete(items.stream().map(Item::weightBasisPoints).toList());
        Ratio score = Ratio.ZERO;
        boolean missed = false;
        boolean criticalMissed = false;
        for (Item item : items) {
            score = score.plus(Ratio.basisPoints(item.weightBasisPoints()).times(item.result().achievement()));
            boolean itemMissed = item.result().assessment() == Assessment.MISSED;
            missed |= itemMissed;
            criticalMissed |= itemMissed && item.critical();
        }
        Outcome outcome;
        if (criticalMissed || score.isBelow(CONDITIONAL_MARK)) {
            outcome = Outcome.FAILED;
        } else if (missed || score.isBelow(PASS_MARK)) {
            outcome = Outcome.CONDITIONAL;
        } else {
            outcome = Outcome.PASSED;
        }
        return new Score(score, outcome, VERSION);
    }
}
