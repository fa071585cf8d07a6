package jp.go.meti.aifund.milestone.outbound;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.contracts.review.ReviewAssessedMilestone;
import jp.go.meti.aifund.contracts.review.ReviewData;
import jp.go.meti.aifund.contracts.review.ReviewEvidence;
import jp.go.meti.aifund.contracts.review.ReviewGoal;
import jp.go.meti.aifund.contracts.review.ReviewReviewer;
import jp.go.meti.aifund.contracts.review.ReviewVerification;
import jp.go.meti.aifund.milestone.aggregate.Goal;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.aggregate.ResultVerification;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.milestone.config.MilestoneConfig;
import jp.go.meti.aifund.milestone.domain.Projection;
import jp.go.meti.aifund.scoring.Decimals;
import jp.go.meti.aifund.platform.messaging.CloudEvent;
import jp.go.meti.aifund.platform.messaging.Outbox;

/**
 * Maps a review to its event, {@code jp.go.meti.aifund.review.<submitted|finalized|amended>.v1},
 * and writes it to the outbox in the transaction of the step. The data carries everything a
 * consumer needs to act without calling back; KPI values are decimal strings, so no consumer's
 * floating point can change them. The data is built from the types generated from its schema in contracts/.
 */
@ApplicationScoped
public class ReviewEvents {

    public static final String TYPE_PREFIX = "jp.go.meti.aifund.review.";
    public static final String SUBMITTED = TYPE_PREFIX + "submitted.v1";
    public static final String FINALIZED = TYPE_PREFIX + "finalized.v1";
    public static final String AMENDED = TYPE_PREFIX + "amended.v1";
    public static final String EVALUATING_AGENCY = ReviewReviewer.Agency.NEDO.value();
    public static final String DECIDING_AGENCY = ReviewReviewer.Agency.METI.value();

    private final Outbox outbox;
    private final MilestoneConfig config;

    public ReviewEvents(Outbox outbox, MilestoneConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    private static ReviewAssessedMilestone assessed(ReviewResult r, Milestone m, Map<UUID, Goal> goals,
            ResultVerification v) {
        return new ReviewAssessedMilestone().withMilestoneId(m.id).withCode(m.code).withVersion((long) m.version)
                .withTitle(m.title).withMetric(m.metric).withUnit(m.unit)
                .withDirection(ReviewAssessedMilestone.Direction.fromValue(m.direction.name()))
                .withTarget(Decimals.normal(m.target).toPlainString())
                .withThreshold(Decimals.normal(m.threshold).toPlainString())
                .withActual(Decimals.normal(r.measuredValue).toPlainString()).withAsOf(r.asOf)
                .withAssessment(ReviewAssessedMilestone.Assessment.fromValue(r.assessment.name()))
                .withAchievementBasisPoints((long) r.achievementBasisPoints).withAchievement(r.achievement.toString())
                .withWeightBasisPoints((long) m.weightBasisPoints).withCritical(m.critical)
                .withRecipientId(m.recipientId)
                .withEvidence(r.evidence().stream().map(e -> new ReviewEvidence().withUri(URI.create(e.uri()))
                        .withTitle(e.title()).withDigest(e.digest())).toList())
                .withRecordedBy(r.recordedBy).withReportedBy(r.reportedBy)
                .withVerification(v == null ? null : new ReviewVerification()
                        .withVerdict(ReviewVerification.Verdict.fromValue(v.verdict.name())).withReason(v.reason)
                        .withVerifiedBy(v.verifiedBy).withVerifiedAt(v.verifiedAt))
                .withGoal(m.implementsGoal == null ? null : goal(goals.get(m.implementsGoal), m.fiscalYear, r));
    }

    /** The goal's checkpoint of the milestone's year, and where this result projects the goal. */
    private static ReviewGoal goal(Goal g, int fiscalYear, ReviewResult r) {
        Projection p = g.project(fiscalYear, r.measuredValue);
        return new ReviewGoal().withGoalId(g.id).withCode(g.code).withTitle(g.title).withUnit(g.unit)
                .withDirection(ReviewGoal.Direction.fromValue(g.direction.name()))
                .withFinalTarget(Decimals.normal(g.finalTarget).toPlainString())
                .withFinalThreshold(Decimals.normal(g.finalThreshold).toPlainString())
                .withFinalFiscalYear(g.finalFiscalYear == null ? null : (long) g.finalFiscalYear)
                .withFinalDate(g.finalDate).withCheckpointFiscalYear((long) fiscalYear)
                .withCheckpointTarget(Decimals.normal(g.checkpoint(fiscalYear).orElseThrow().target).toPlainString())
                .withProjectedFinal(p.projectedFinal() == null ? null : p.projectedFinal().toPlainString())
                .withOnTrack(p.onTrack());
    }

    /** What a review event tells of its results: their milestones, goals and verdicts, each by id. */
    public record Assessed(List<ReviewResult> results, Map<UUID, Milestone> milestones, Map<UUID, Goal> goals,
            Map<UUID, ResultVerification> verdicts) {
    }

    public void submitted(Review review, Assessed assessed) {
        publish(SUBMITTED, review, assessed, review.submittedAt);
    }

    /** A first review finalized, or an amendment finalized, which replaces the revision it corrects. */
    public void finalized(Review review, Assessed assessed) {
        publish(review.amends == null ? FINALIZED : AMENDED, review, assessed, review.finalizedAt);
    }

    private void publish(String type, Review r, Assessed a, Instant time) {
        ReviewReviewer evaluation = new ReviewReviewer().withAgency(ReviewReviewer.Agency.NEDO)
                .withPerson(r.submittedBy).withAt(r.submittedAt).withNote(null);
        ReviewReviewer decision = r.finalizedBy == null ? null
                : new ReviewReviewer().withAgency(ReviewReviewer.Agency.METI).withPerson(r.finalizedBy)
                        .withAt(r.finalizedAt).withNote(r.decisionNote);
        ReviewData data = new ReviewData().withReviewId(r.id).withProgrammeId(r.programmeId)
                .withFiscalYear((long) r.fiscalYear).withRevision((long) r.revision).withAmends(r.amends)
                .withAmendmentReason(r.amendmentReason).withState(ReviewData.State.fromValue(r.state.name()))
                .withDueDate(r.dueDate).withTechnicalEvaluation(evaluation).withDecision(decision)
                .withScoreBasisPoints((long) r.scoreBasisPoints).withScore(r.score.toString())
                .withOutcome(ReviewData.Outcome.fromValue(r.outcome.name())).withRuleVersion(r.ruleVersion)
                .withMilestones(a.results().stream().map(x -> assessed(x, a.milestones().get(x.milestoneId), a.goals(),
                        a.verdicts().get(x.id))).toList());
        String schema = config.schemaBaseUri() + type + ".schema.json";
        outbox.add(config.reviewTopic(), CloudEvent.of(config.eventSource(), type, "review/" + r.id, schema,
                r.programmeId.toString(), time, data));
    }
}
