package jp.go.meti.aifund.milestone.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.go.meti.aifund.milestone.domain.DraftState;
import jp.go.meti.aifund.milestone.domain.Evidence;
import jp.go.meti.aifund.milestone.domain.Projection;
import jp.go.meti.aifund.milestone.domain.ReviewState;
import jp.go.meti.aifund.milestone.domain.Verdict;
import jp.go.meti.aifund.milestone.outbound.ReviewEvents;
import jp.go.meti.aifund.milestone.aggregate.ConflictDeclaration;
import jp.go.meti.aifund.milestone.aggregate.Goal;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.aggregate.ProgrammeCopy;
import jp.go.meti.aifund.milestone.aggregate.RecipientCopy;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.aggregate.ResultDraft;
import jp.go.meti.aifund.milestone.aggregate.ResultVerification;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.milestone.aggregate.ReviewSettings;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.scoring.Assessment;
import jp.go.meti.aifund.scoring.Decimals;
import jp.go.meti.aifund.scoring.Direction;
import jp.go.meti.aifund.scoring.Outcome;

/** What the service answers: immutable records, never entities. KPI values are exact decimals. */
public final class Views {

    private Views() {
    }

    public record MilestoneView(UUID id, UUID programmeId, int fiscalYear, String code, int version, String title,
            String metric, String unit, Direction direction, BigDecimal target, BigDecimal threshold,
            int weightBasisPoints, boolean critical, UUID recipientId, UUID implementsGoal, UUID supersededBy,
            String createdBy, Instant createdAt) {

        public static MilestoneView of(Milestone m) {
            return new MilestoneView(m.id, m.programmeId, m.fiscalYear, m.code, m.version, m.title, m.metric, m.unit,
                    m.direction, Decimals.normal(m.target), Decimals.normal(m.threshold), m.weightBasisPoints,
                    m.critical, m.recipientId, m.implementsGoal, m.supersededBy, m.createdBy, m.createdAt);
        }
    }

    /**
     * A goal and its checkpoints; read alone, also its trajectory (every checkpoint with the actual of
     * its year, if a finalized review has one) and {@code latest}, the point of the latest actual, whose
     * projection says whether the goal is on track. Both are null in lists.
     */
    public record GoalView(UUID id, UUID programmeId, String code, String title, String metric, String unit,
            Direction direction, BigDecimal finalTarget, BigDecimal finalThreshold, Integer finalFiscalYear,
            LocalDate finalDate, List<String> sectors, List<CheckpointView> checkpoints, String createdBy,
            Instant createdAt, List<TrajectoryPoint> trajectory, TrajectoryPoint latest) {

        public static GoalView summary(Goal g) {
            return of(g, null);
        }

        public static GoalView of(Goal g, List<TrajectoryPoint> trajectory) {
            TrajectoryPoint latest = trajectory == null ? null
                    : trajectory.stream().filter(p -> p.actual() != null).reduce((a, b) -> b).orElse(null);
            return new GoalView(g.id, g.programmeId, g.code, g.title, g.metric, g.unit, g.direction,
                    Decimals.normal(g.finalTarget), Decimals.normal(g.finalThreshold), g.finalFiscalYear, g.finalDate,
                    List.copyOf(g.sectors), g.checkpoints.stream().map(CheckpointView::of).toList(), g.createdBy,
                    g.createdAt, trajectory, latest);
        }
    }

    public record CheckpointView(int fiscalYear, BigDecimal target) {

        static CheckpointView of(Goal.Checkpoint c) {
            return new CheckpointView(c.fiscalYear, Decimals.normal(c.target));
        }
    }

    /**
     * A checkpoint year of a goal's trajectory: its target and, once a finalized review has one, the result
     * of the milestone implementing it, with the final it projects (actual × final target ÷ target).
     */
    public record TrajectoryPoint(int fiscalYear, BigDecimal target,
            @Schema(description = "The standing result of the year's milestone implementing the checkpoint; null "
                    + "until a finalized review has one") BigDecimal actual,
            LocalDate asOf, UUID reviewId, UUID milestoneId,
            @Schema(description = "actual × finalTarget ÷ target, to 6 decimals rounded against the goal (down for "
                    + "AT_LEAST, up for AT_MOST); null without an actual or when the target is 0") BigDecimal projectedFinal,
            @Schema(description = "projectedFinal ≥ finalThreshold (≤ for AT_MOST), decided exactly; null when "
                    + "projectedFinal is") Boolean onTrack) {

        static TrajectoryPoint planned(Goal.Checkpoint c) {
            return new TrajectoryPoint(c.fiscalYear, Decimals.normal(c.target), null, null, null, null, null, null);
        }

        static TrajectoryPoint measured(Goal.Checkpoint c, Goal goal, ResultRepository.Standing r) {
            Projection p = goal.project(c.fiscalYear, r.actual());
            return new TrajectoryPoint(c.fiscalYear, Decimals.normal(c.target), Decimals.normal(r.actual()), r.asOf(),
                    r.reviewId(), r.milestoneId(), p.projectedFinal(), p.onTrack());
        }
    }

    /**
     * A programme as this service's copy knows it: what funding-service last published of it, when
     * funding-service recorded that change and when this service applied it (the copy's lag then).
     */
    @Schema(description = "milestone-service's copy of a programme of funding-service (which owns it), from the "
            + "programme events: what funding-service last published of it (sequence, changedAt) and when this copy "
            + "applied it (copiedAt). A programme or recipient created a moment ago may not be here yet.")
    public record ProgrammeCopyView(UUID programmeId, String name, int firstFiscalYear, int lastFiscalYear,
            List<RecipientCopyView> recipients,
            @Schema(description = "The sequence of the programme event the copy holds (1: as created)") long sequence,
            @Schema(description = "When funding-service recorded that change") Instant changedAt,
            @Schema(description = "When this service applied it") Instant copiedAt,
            @Schema(description = "The topic the copy is kept from") String copiedFrom) {

        public static ProgrammeCopyView of(ProgrammeCopy p, List<RecipientCopy> recipients, String topic) {
            return new ProgrammeCopyView(p.programmeId, p.name, p.firstFiscalYear, p.lastFiscalYear,
                    recipients.stream().map(RecipientCopyView::of).toList(), p.sequence, p.changedAt, p.copiedAt, topic);
        }
    }

    /** A recipient of a copied programme: the consortium, a member or a research partner. */
    public record RecipientCopyView(UUID recipientId, String name,
            @Schema(description = "CONSORTIUM, MEMBER or RESEARCH_PARTNER, as funding-service says") String role,
            UUID consortiumId) {

        static RecipientCopyView of(RecipientCopy r) {
            return new RecipientCopyView(r.recipientId, r.name, r.role, r.consortiumId);
        }
    }

    /** The milestones of a fiscal year and whether their weights are ready for a review. */
    public record YearPlan(UUID programmeId, int fiscalYear, LocalDate reviewDueDate, long totalWeightBasisPoints,
            boolean weightsComplete, List<MilestoneView> milestones) {
    }

    /** A step of the review done by an agency: who, when, and what they noted. */
    public record Step(String agency, String by, Instant at, String note) {

        static Step of(String agency, String by, Instant at, String note) {
            return by == null ? null : new Step(agency, by, at, note);
        }
    }

    /** A result with the milestone version it was measured against, so it reads on its own. */
    public record ResultView(UUID milestoneId, String code, int milestoneVersion, String title, String metric,
            String unit, Direction direction, BigDecimal target, BigDecimal threshold, int weightBasisPoints,
            boolean critical, UUID recipientId, BigDecimal value, LocalDate asOf, List<Evidence> evidence, String note,
            Assessment assessment, int achievementBasisPoints, String achievement, String ruleVersion, String recordedBy,
            Instant recordedAt,
            @Schema(description = "The consortium member whose draft NEDO accepted as this result; null when NEDO "
                    + "recorded it itself") String reportedBy,
            VerificationView verification) {

        public static ResultView of(ReviewResult r, Milestone m, ResultVerification v) {
            return new ResultView(m.id, m.code, m.version, m.title, m.metric, m.unit, m.direction,
                    Decimals.normal(m.target), Decimals.normal(m.threshold), m.weightBasisPoints, m.critical,
                    m.recipientId, Decimals.normal(r.measuredValue), r.asOf, r.evidence(), r.note, r.assessment,
                    r.achievementBasisPoints, r.achievement.toString(), r.ruleVersion, r.recordedBy, r.recordedAt,
                    r.reportedBy, VerificationView.of(v));
        }
    }

    /** The verifier's verdict on a result, with the reason. */
    @Schema(description = "The independent verifier's verdict on a result, given while the review is submitted; null "
            + "until there is one (and again once the result is recorded anew)")
    public record VerificationView(Verdict verdict, String reason, String verifiedBy, Instant verifiedAt) {

        static VerificationView of(ResultVerification v) {
            return v == null ? null : new VerificationView(v.verdict, v.reason, v.verifiedBy, v.verifiedAt);
        }
    }

    /** A recipient's draft of a result, and NEDO's decision on it once there is one. */
    public record DraftView(UUID reviewId, UUID milestoneId, String code,
            @Schema(description = "The recipient the draft reports for: the one responsible for the milestone "
                    + "(the consortium for a consortium-wide milestone)") UUID recipientId,
            BigDecimal value, String unit, LocalDate asOf, List<Evidence> evidence, String note, DraftState state,
            String draftedBy, Instant draftedAt, String decidedBy, Instant decidedAt,
            @Schema(description = "Why NEDO returned it; null unless RETURNED") String returnReason) {

        public static DraftView of(ResultDraft d, Milestone m) {
            return new DraftView(d.reviewId, d.milestoneId, m.code, d.draftedFor, Decimals.normal(d.measuredValue),
                    d.unit, d.asOf, d.evidence(), d.note, d.state, d.draftedBy, d.draftedAt, d.decidedBy,
                    d.decidedAt, d.returnReason);
        }
    }

    /** A programme's review settings; {@code setBy} and {@code setAt} are null while nobody has set them. */
    public record ReviewSettingsView(UUID programmeId,
            @Schema(description = "Whether every result must be VERIFIED by the independent verifier before METI "
                    + "may finalize the review (false unless set)") boolean verificationRequired,
            String setBy, Instant setAt) {

        public static ReviewSettingsView of(ReviewSettings s) {
            return new ReviewSettingsView(s.programmeId, s.verificationRequired, s.setBy, s.setAt);
        }
    }

    /** A review revision; {@code results} is null in lists. */
    public record ReviewView(UUID id, UUID programmeId, int fiscalYear, int revision, UUID amends,
            String amendmentReason, UUID amendedBy, ReviewState state, LocalDate dueDate, boolean overdue,
            String createdBy, Instant createdAt, Step technicalEvaluation, Step returned, Step decision,
            Integer scoreBasisPoints, String score, Outcome outcome, String ruleVersion, List<ResultView> results) {

        public static ReviewView summary(Review r, LocalDate today) {
            return of(r, null, today);
        }

        public static ReviewView of(Review r, List<ResultView> results, LocalDate today) {
            boolean overdue = r.state != ReviewState.FINALIZED && today.isAfter(r.dueDate);
            return new ReviewView(r.id, r.programmeId, r.fiscalYear, r.revision, r.amends, r.amendmentReason,
                    r.amendedBy, r.state, r.dueDate, overdue, r.createdBy, r.createdAt,
                    Step.of(ReviewEvents.EVALUATING_AGENCY, r.submittedBy, r.submittedAt, null),
                    Step.of(ReviewEvents.DECIDING_AGENCY, r.returnedBy, r.returnedAt, r.returnReason),
                    Step.of(ReviewEvents.DECIDING_AGENCY, r.finalizedBy, r.finalizedAt, r.decisionNote),
                    r.scoreBasisPoints, r.score == null ? null : r.score.toString(), r.outcome, r.ruleVersion, results);
        }

        public static List<ResultView> results(List<ReviewResult> results, Map<UUID, Milestone> milestones,
                Map<UUID, ResultVerification> verdicts) {
            return results.stream().map(r -> ResultView.of(r, milestones.get(r.milestoneId), verdicts.get(r.id)))
                    .toList();
        }
    }

    /** A fiscal year whose review is past its due date and not finalized; no review yet when {@code reviewId} is null. */
    public record OverdueReview(UUID programmeId, int fiscalYear, LocalDate dueDate, long daysOverdue, UUID reviewId,
            ReviewState state) {

        static OverdueReview of(UUID programmeId, int fiscalYear, LocalDate dueDate, LocalDate today, Review open) {
            return new OverdueReview(programmeId, fiscalYear, dueDate, ChronoUnit.DAYS.between(dueDate, today),
                    open == null ? null : open.id, open == null ? null : open.state);
        }
    }

    public record ConflictView(UUID id, String reviewer, UUID recipientId, String reason, String declaredBy,
            Instant declaredAt) {

        static ConflictView of(ConflictDeclaration c) {
            return new ConflictView(c.id, c.reviewer, c.recipientId, c.reason, c.declaredBy, c.declaredAt);
        }
    }
}
