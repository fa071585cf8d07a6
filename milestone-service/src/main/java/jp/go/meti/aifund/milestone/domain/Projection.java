package jp.go.meti.aifund.milestone.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jp.go.meti.aifund.scoring.Decimals;
import jp.go.meti.aifund.scoring.Direction;

/**
 * Where a goal ends if it keeps the ratio to plan of a year's result: the actual is to that year's
 * checkpoint target as the projected final is to the final target, so
 * {@code projectedFinal = actual × finalTarget ÷ checkpointTarget}, in both directions. The direction
 * decides only which side of the final threshold is on track: {@code projectedFinal ≥ finalThreshold}
 * for {@code AT_LEAST}, {@code ≤} for {@code AT_MOST}. (Inverting the ratio for {@code AT_MOST}, as
 * {@code finalTarget × checkpointTarget ÷ actual}, and then comparing with {@code ≤} would call a year
 * that used more energy than planned on track: with 240 MWh against a plan of 200, it projects 83.3
 * against a final 100 instead of 120.)
 *
 * <p>Exact: on track is decided by comparing {@code actual × finalTarget} with
 * {@code finalThreshold × checkpointTarget}, no quotient. The projected final is shown to
 * {@value Decimals#MAX_SCALE} decimals, rounded against the goal (down for {@code AT_LEAST}, up for
 * {@code AT_MOST}), so the figure shown gives the same verdict as the exact one. A checkpoint target of
 * zero has no ratio to plan: {@link #NONE}, neither a projection nor a verdict.
 */
public record Projection(BigDecimal projectedFinal, Boolean onTrack) {

    /** No projection: the checkpoint's target is zero, so there is no ratio to plan to keep. */
    public static final Projection NONE = new Projection(null, null);

    public static Projection of(Direction direction, BigDecimal finalTarget, BigDecimal finalThreshold,
            BigDecimal checkpointTarget, BigDecimal actual) {
        if (checkpointTarget.signum() == 0) {
            return NONE;
        }
        BigDecimal scaled = actual.multiply(finalTarget);
        // the sign of (scaled ÷ checkpointTarget − finalThreshold), without dividing
        int verdict = scaled.compareTo(finalThreshold.multiply(checkpointTarget)) * checkpointTarget.signum();
        boolean atLeast = direction == Direction.AT_LEAST;
        BigDecimal projected = scaled.divide(checkpointTarget, Decimals.MAX_SCALE,
                atLeast ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return new Projection(Decimals.normal(projected), atLeast ? verdict >= 0 : verdict <= 0);
    }
}
