package jp.go.meti.aifund.milestone.outbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.milestone.config.MilestoneConfig;
import jp.go.meti.aifund.scoring.Assessment;
import jp.go.meti.aifund.scoring.Decimals;
import jp.go.meti.aifund.scoring.Direction;
import jp.go.meti.aifund.milestone.domain.Evidence;
import jp.go.meti.aifund.scoring.Outcome;
import jp.go.meti.aifund.milestone.domain.ReviewState;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.platform.messaging.CloudEvent;
import jp.go.meti.aifund.platform.messaging.Outbox;

/**
 * Maps a review to its event, {@code jp.go.meti.aifund.review.<submitted|finalized|amended>.v1},
 * and writes it to the outbox in the transaction of the step. The data carries everything a
 * consumer needs to act without calling back; KPI values are decimal strings, so no consumer's
 * floating point can change them.
 */
@ApplicationScoped
public class ReviewEvents {

    public static final String TYPE_PREFIX = "jp.go.meti.aifund.review.";
    public static final String SUBMITTED = TYPE_PREFIX + "submitted.v1";
    public static final String FINALIZED = TYPE_PREFIX + "finalized.v1";
    public static final String AMENDED = TYPE_PREFIX + "amended.v1";
    public static final String EVALUATING_AGENCY = "NEDO";
    public static final String DECIDING_AGENCY = "METI";

    private final Outbox outbox;
    private final MilestoneConfig config;

    public ReviewEvents(Outbox outbox, MilestoneConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public record ReviewEventData(UUID reviewId, UUID programmeId, int fiscalYear, int revision, UUID amends,
            String amendmentReason, ReviewState state, LocalDate dueDate, Reviewer technicalEvaluation,
            Reviewer decision, int scoreBasisPoints, String score, Outcome outcome, String ruleVersion,
            List<AssessedMilestone> milestones) {
    }

    /** Who acted for which agency (NEDO evaluates and submits, METI decides), when; the decision carries its note. */
    public record Reviewer(String agency, String person, Instant at, String note) {
    }

    public record AssessedMilestone(UUID milestoneId, String code, int version, String title, String metric,
            String unit, Direction direction, String target, String threshold, String actual, LocalDate asOf,
            Assessment assessment, int achievementBasisPoints, String achievement, int weightBasisPoints,
            boolean critical,
            UUID recipientId, List<Evidence> evidence, String recordedBy) {

        static AssessedMilestone of(ReviewResult r, Milestone m) {
            return new AssessedMilestone(m.id, m.code, m.version, m.title, m.metric, m.unit, m.direction,
                    Decimals.normal(m.target).toPlainString(), Decimals.normal(m.threshold).toPlainString(),
                    Decimals.normal(r.measuredValue).toPlainString(), r.asOf, r.assessment, r.achievementBasisPoints,
                    r.achievement.toString(), m.weightBasisPoints, m.critical, m.recipientId, r.evidence(), r.recordedBy);
        }
    }

    public void submitted(Review review, List<ReviewResult> results, Map<UUID, Milestone> milestones) {
        publish(SUBMITTED, review, results, milestones, review.submittedAt);
    }

    /** A first review finalized, or an amendment finalized, which replaces the revision it corrects. */
    public void finalized(Review review, List<ReviewResult> results, Map<UUID, Milestone> milestones) {
        publish(review.amends == null ? FINALIZED : AMENDED, review, results, milestones, review.finalizedAt);
    }

    private void publish(String type, Review r, List<ReviewResult> results, Map<UUID, Milestone> milestones,
            Instant time) {
        Reviewer evaluation = new Reviewer(EVALUATING_AGENCY, r.submittedBy, r.submittedAt, null);
        Reviewer decision = r.finalizedBy == null ? null
                : new Reviewer(DECIDING_AGENCY, r.finalizedBy, r.finalizedAt, r.decisionNote);
        ReviewEventData data = new ReviewEventData(r.id, r.programmeId, r.fiscalYear, r.revision, r.amends,
                r.amendmentReason, r.state, r.dueDate, evaluation, decision, r.scoreBasisPoints, r.score.toString(), r.outcome,
                r.ruleVersion, results.stream().map(x -> AssessedMilestone.of(x, milestones.get(x.milestoneId))).toList());
        String schema = config.schemaBaseUri() + type + ".schema.json";
        outbox.add(config.reviewTopic(), CloudEvent.of(config.eventSource(), type, "review/" + r.id, schema,
                r.programmeId.toString(), time, data));
    }
}
