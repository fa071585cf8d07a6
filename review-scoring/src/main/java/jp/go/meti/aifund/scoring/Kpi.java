package jp.go.meti.aifund.scoring;

import java.math.BigDecimal;

import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.kernel.Text;

/**
 * A measurable target with its minimum acceptable threshold. Achievement is the scalable-payment
 * rule of results-based financing, {@code clamp((actual − threshold) / (target − threshold), 0, 1)},
 * mirrored for "at most" KPIs. It is an exact {@link Ratio}, never rounded before the score is decided,
 * so that neither floating point nor an early rounding decides an outcome.
 */
public record Kpi(Direction direction, BigDecimal target, BigDecimal threshold) {

    public Kpi {
        if (direction == null) {
            throw new InvalidRequestException("direction", new Text("kernel.required"));
        }
        target = Decimals.exact("target", target);
        threshold = Decimals.exact("threshold", threshold);
        if (span(direction, target, threshold).signum() <= 0) {
            throw new InvalidRequestException("threshold", new Text(direction == Direction.AT_LEAST
                    ? "scoring.kpi.threshold-at-least" : "scoring.kpi.threshold-at-most"));
        }
    }

    /** What {@code actual} earns against this KPI. */
    public Result assess(BigDecimal actual) {
        BigDecimal value = Decimals.exact("value", actual);
        BigDecimal span = span(direction, target, threshold);
        BigDecimal gained = direction == Direction.AT_LEAST ? value.subtract(threshold) : threshold.subtract(value);
        if (gained.signum() < 0) {
            return new Result(Assessment.MISSED, Ratio.ZERO);
        }
        if (gained.compareTo(span) >= 0) {
            return new Result(Assessment.MET, Ratio.ONE);
        }
        return new Result(Assessment.PARTIALLY_MET, Ratio.of(gained, span));
    }

    /** The distance from threshold to target, positive when the threshold is on the right side. */
    private static BigDecimal span(Direction direction, BigDecimal target, BigDecimal threshold) {
        return direction == Direction.AT_LEAST ? target.subtract(threshold) : threshold.subtract(target);
    }

    /** The assessment and the exact achievement (0 … 1). */
    public record Result(Assessment assessment, Ratio achievement) {

        /** The achievement in basis points, rounded down: for display only, never to decide. */
        public int achievementBasisPoints() {
            return achievement.floorBasisPoints();
        }
    }
}
