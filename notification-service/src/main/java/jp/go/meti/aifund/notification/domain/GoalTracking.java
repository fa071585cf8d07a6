package jp.go.meti.aifund.notification.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Finding;

/**
 * Whether a goal spanning years is on track, as its latest finalized result says. The projection is
 * milestone-service's, carried by the review event (projectedFinal = actual × finalTarget ÷
 * checkpointTarget; onTrack against the final threshold, decided exactly): this reads it, never
 * recomputes it. Off track raises {@code GOAL_OFF_TRACK}, once per goal while it is open; a later
 * result on track resolves it.
 */
public final class GoalTracking {

    private GoalTracking() {
    }

    /** A goal's checkpoint result as a finalized review carries it; {@code onTrack} null when not projectable. */
    public record Result(String code, String title, String unit, String direction, int fiscalYear,
            String actual, String checkpointTarget, String projectedFinal, String finalThreshold, Integer finalFiscalYear,
            LocalDate finalDate, Boolean onTrack) {
    }

    /** The warning an off-track result raises; none when it is on track or cannot be projected (a plan of 0). */
    public static Optional<Finding> onResult(Result r) {
        if (!Boolean.FALSE.equals(r.onTrack())) {
            return Optional.empty();
        }
        Object due = r.finalFiscalYear() != null ? Text.fiscalYear(r.finalFiscalYear()) : r.finalDate();
        Text.FiscalYearArg year = Text.fiscalYear(r.fiscalYear());
        return Optional.of(new Finding(WarningKind.GOAL_OFF_TRACK, r.fiscalYear(),
                new Text("notification.goal.title", r.code(), year, String.valueOf(r.projectedFinal()), r.unit(), due),
                new Text("notification.goal.detail", r.title(), r.direction(), year, String.valueOf(r.actual()), r.unit(),
                        String.valueOf(r.checkpointTarget()), String.valueOf(r.projectedFinal()), r.unit(), due,
                        new Text(r.direction().equals("AT_MOST") ? "notification.goal.above" : "notification.goal.below"),
                        String.valueOf(r.finalThreshold())),
                null));
    }

    /** Whether the result ends an open off-track warning of its goal. */
    public static boolean backOnTrack(Result r) {
        return Boolean.TRUE.equals(r.onTrack());
    }

    /** One open warning per goal of a programme. */
    public static String key(UUID programmeId, UUID goalId) {
        return WarningKind.GOAL_OFF_TRACK + ":" + programmeId + ":" + goalId;
    }
}
