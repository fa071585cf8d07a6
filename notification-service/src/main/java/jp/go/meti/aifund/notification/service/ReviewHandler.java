package jp.go.meti.aifund.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.contracts.review.ReviewAssessedMilestone;
import jp.go.meti.aifund.contracts.review.ReviewData;
import jp.go.meti.aifund.contracts.review.ReviewGoal;

import jp.go.meti.aifund.notification.domain.GoalTracking;
import jp.go.meti.aifund.notification.domain.PullbackPolicy;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Finding;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.outbound.RecommendationEvents;
import jp.go.meti.aifund.notification.repository.ReadModel;
import jp.go.meti.aifund.notification.repository.ReadModel.ReviewCopy;
import jp.go.meti.aifund.notification.aggregate.Warning;
import jp.go.meti.aifund.platform.messaging.IncomingEvent;
import jp.go.meti.aifund.scoring.Outcome;
import jp.go.meti.aifund.kernel.Ratio;

/**
 * Applies a review event once: keeps the revision, and for a finalized review (or amendment) runs
 * the pullback policy, raising its warnings and publishing a recommendation for a pullback, and tracks
 * the goals its milestones implement, all in the transaction that records the event as applied.
 */
@ApplicationScoped
public class ReviewHandler {

    public static final String SUBMITTED = "jp.go.meti.aifund.review.submitted.v1";
    public static final String FINALIZED = "jp.go.meti.aifund.review.finalized.v1";
    public static final String AMENDED = "jp.go.meti.aifund.review.amended.v1";

    private final ReadModel readModel;
    private final PullbackPolicy policy;
    private final Warnings warnings;
    private final DeadlineCheck deadlines;
    private final RecommendationEvents recommendations;
    private final Event<ProgrammeUpdated> updated;

    public ReviewHandler(ReadModel readModel, PullbackPolicy policy, Warnings warnings,
            DeadlineCheck deadlines, RecommendationEvents recommendations, Event<ProgrammeUpdated> updated) {
        this.updated = updated;
        this.readModel = readModel;
        this.policy = policy;
        this.warnings = warnings;
        this.deadlines = deadlines;
        this.recommendations = recommendations;
    }

    /** Runs in the transaction that records the event as applied ({@code EventConsumer}): once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        ReviewData d = event.data(ReviewData.class);
        ReviewCopy review = copyOf(d, event.data().toString());
        readModel.saveReview(review, d.getAmends());
        updated.fire(new ProgrammeUpdated(review.programmeId()));
        if (event.type().equals(SUBMITTED)) {
            return;
        }
        deadlines.resolveFor(review.programmeId(), review.fiscalYear());
        PullbackPolicy.Review assessed = assessed(review, d);
        Outcome previousYear = readModel.finalized(review.programmeId(), review.fiscalYear() - 1)
                .map(r -> Outcome.valueOf(r.outcome())).orElse(null);
        List<Finding> findings = policy.onReview(assessed, previousYear,
                readModel.openGatedAmount(review.programmeId(), review.fiscalYear()),
                readModel.members(review.programmeId()));
        for (Finding finding : findings) {
            Warning warning = warnings.raise(finding, review.programmeId(), List.of(event.id()), null);
            if (finding.kind() == WarningKind.PULLBACK_RECOMMENDED) {
                recommendations.recommend(warning, review.reviewId(), assessed.criticalMissed(), finding.reduction(),
                        readModel.copyPosition(review.programmeId()));
            }
        }
        trackGoals(review, d, event.id());
    }

    /**
     * Each goal a milestone implements: off track raises its warning (one open per goal), back on track
     * resolves it; unless a later fiscal year's standing review has a result for that goal, so this one
     * is not the goal's latest.
     */
    private void trackGoals(ReviewCopy review, ReviewData d, UUID eventId) {
        for (ReviewAssessedMilestone m : d.getMilestones()) {
            ReviewGoal g = m.getGoal();
            if (g == null || readModel.laterGoalResult(review.programmeId(), review.fiscalYear(), g.getGoalId())) {
                continue;
            }
            GoalTracking.Result result = new GoalTracking.Result(g.getCode(), g.getTitle(), g.getUnit(),
                    g.getDirection().value(), Math.toIntExact(g.getCheckpointFiscalYear()), m.getActual(),
                    g.getCheckpointTarget(), g.getProjectedFinal(), g.getFinalThreshold(),
                    g.getFinalFiscalYear() == null ? null : Math.toIntExact(g.getFinalFiscalYear()), g.getFinalDate(),
                    g.getOnTrack());
            String key = GoalTracking.key(review.programmeId(), g.getGoalId());
            GoalTracking.onResult(result).ifPresent(f -> warnings.raise(f, review.programmeId(), List.of(eventId), key));
            if (GoalTracking.backOnTrack(result)) {
                warnings.resolveAll(key, "FY" + result.fiscalYear() + "'s result projects goal " + g.getCode()
                        + " back on track: " + g.getProjectedFinal() + " " + g.getUnit());
            }
        }
    }

    static ReviewCopy copyOf(ReviewData d, String json) {
        return new ReviewCopy(d.getReviewId(), d.getProgrammeId(), Math.toIntExact(d.getFiscalYear()),
                Math.toIntExact(d.getRevision()), d.getState().value(), d.getOutcome().value(),
                Math.toIntExact(d.getScoreBasisPoints()), d.getDueDate(), json);
    }

    /** The review as the policy reads it: score, outcome and the critical milestones missed. */
    static PullbackPolicy.Review assessed(ReviewCopy review, ReviewData d) {
        List<String> criticalMissed = d.getMilestones().stream()
                .filter(m -> m.getCritical() && m.getAssessment() == ReviewAssessedMilestone.Assessment.MISSED)
                .map(ReviewAssessedMilestone::getCode).toList();
        return new PullbackPolicy.Review(review.reviewId(), review.programmeId(), review.fiscalYear(),
                exactScore(d), Outcome.valueOf(review.outcome()), criticalMissed);
    }

    /** The exact score the review was decided on; events of review-scoring/1 carry only basis points, which was it. */
    static Ratio exactScore(ReviewData d) {
        return d.getScore() != null ? Ratio.parse(d.getScore()) : Ratio.basisPoints(d.getScoreBasisPoints());
    }
}
