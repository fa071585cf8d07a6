package jp.go.meti.aifund.platform.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jp.go.meti.aifund.platform.domain.InvalidRequestException;

/**
 * A measurable target with its minimum acceptable threshold. Achievement is the scalable-payment
 * rule of results-based financing, {@code clamp((actual − threshold) / (target − threshold), 0, 1)},
 * mirrored for "at most" KPIs; it is expressed in basis points and rounded <b>down</b>, computed in
 * exact decimal arithmetic so that no floating-point error decides an assessment.
 */
public record Kpi(Direction direction, BigDecimal target, BigDecimal threshold) {

    public static final int FULL = 10_000;

    public Kpi {
        if (direction == null) {
            throw new InvalidRequestException("direction", "is required");
        }
        target = Decimals.exact("target", target);
        threshold = Decimals.exact("threshold", threshold);
        if (span(direction, target, threshold).signum() <= 0) {
            throw new InvalidRequestException("threshold", direction == Direction.AT_LEAST
                    ? "must be below the target for an AT_LEAST milestone"
                    : "must be above the target for an AT_MOST milestone");
        }
    }

    /** What {@code actual} earns against this KPI. */
    public Result assess(BigDecimal actual) {
        BigDecimal value = Decimals.exact("value", actual);
        BigDecimal span = span(direction, target, threshold);
        BigDecimal gained = direction == Direction.AT_LEAST ? value.subtract(threshold) : threshold.subtract(value);
        if (gained.signum() < 0) {
            return new Result(Assessment.MISSED, 0);
        }
        if (gained.compareTo(span) >= 0) {
            return new Result(Assessment.MET, FULL);
        }
        int basisPoints = gained.multiply(BigDecimal.valueOf(FULL)).divide(span, 0, RoundingMode.FLOOR).intValueExact();
        return new Result(Assessment.PARTIALLY_MET, basisPoints);
    }

    /** The distance from threshold to target, positive when the threshold is on the right side. */
    private static BigDecimal span(Direction direction, BigDecimal target, BigDecimal threshold) {
        return direction == Direction.AT_LEAST ? target.subtract(threshold) : threshold.subtract(target);
    }

    /** The assessment and the achievement in basis points (0 … 10,000). */
    public record Result(Assessment assessment, int achievementBasisPoints) {
    }
}
