package jp.go.meti.aifund.platform.review;

import java.util.List;

/**
 * The review's score and outcome, rule version {@value #VERSION}. Any change to these rules is a
 * new version: the version is stored with every score it computed, so an outcome can be explained
 * years later by the rule that produced it. Shared: milestone-service computes with it, the
 * notification service's what-if preview applies exactly the same rule, and the published review
 * events carry its version.
 * <ul>
 * <li>score = ⌊Σ weight × achievement / 10,000⌋ in basis points, from the achievements as stored
 * (each already rounded down), so a consumer can recompute it exactly from a review event;</li>
 * <li>{@code FAILED} when a critical milestone is missed, or the score is below {@value #CONDITIONAL_FROM} bp;</li>
 * <li>{@code CONDITIONAL} when the score is below {@value #PASSED_FROM} bp, or any milestone is missed;</li>
 * <li>{@code PASSED} otherwise.</li>
 * </ul>
 */
public final class ReviewScoring {

    public static final String VERSION = "review-scoring/1";
    public static final int PASSED_FROM = 8_000;
    public static final int CONDITIONAL_FROM = 5_000;

    private ReviewScoring() {
    }

    /** One assessed milestone as the score sees it. */
    public record Item(String code, int weightBasisPoints, boolean critical, Kpi.Result result) {
    }

    public record Score(int scoreBasisPoints, Outcome outcome, String ruleVersion) {
    }

    public static Score score(List<Item> items) {
        Weights.requireComplete(items.stream().map(Item::weightBasisPoints).toList());
        long weighted = 0;
        boolean missed = false;
        boolean criticalMissed = false;
        for (Item item : items) {
            weighted += (long) item.weightBasisPoints() * item.result().achievementBasisPoints();
            boolean itemMissed = item.result().assessment() == Assessment.MISSED;
            missed |= itemMissed;
            criticalMissed |= itemMissed && item.critical();
        }
        int score = (int) (weighted / Kpi.FULL); // rounded down: both factors are non-negative
        Outcome outcome;
        if (criticalMissed || score < CONDITIONAL_FROM) {
            outcome = Outcome.FAILED;
        } else if (missed || score < PASSED_FROM) {
            outcome = Outcome.CONDITIONAL;
        } else {
            outcome = Outcome.PASSED;
        }
        return new Score(score, outcome, VERSION);
    }
}
