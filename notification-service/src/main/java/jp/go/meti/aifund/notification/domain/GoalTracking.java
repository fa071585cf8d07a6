package jp.go.meti.aifund.notification.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

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
        String due = r.finalFiscalYear() != null ? "FY" + r.finalFiscalYear() : r.finalDate().toString();
        return Optional.of(new Finding(WarningKind.GOAL_OFF_TRACK, r.fiscalYear(),
                "Goal " + r.code() + " off track: FY" + r.fiscalYear() + " projects " + r.projectedFinal() + " "
                        + r.unit() + " by " + due,
                String.format("%s (%s): FY%d's result %s %s against its checkpoint target %s projects, at the same "
                        + "ratio to plan, %s %s by %s, %s the final threshold %s.", r.title(), r.direction(),
                        r.fiscalYear(), r.actual(), r.unit(), r.checkpointTarget(), r.projectedFinal(), r.unit(), due,
                        r.direction().equals("AT_MOST") ? "above" : "below", r.finalThreshold()),
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
