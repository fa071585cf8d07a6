package jp.go.meti.aifund.milestone.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.go.meti.aifund.milestone.domain.Evidence;
import jp.go.meti.aifund.milestone.domain.ReviewState;
import jp.go.meti.aifund.milestone.outbound.ReviewEvents;
import jp.go.meti.aifund.milestone.aggregate.ConflictDeclaration;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.aggregate.ProgrammeCopy;
import jp.go.meti.aifund.milestone.aggregate.RecipientCopy;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
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
            int weightBasisPoints, boolean critical, UUID recipientId, UUID supersededBy, String createdBy,
            Instant createdAt) {

        public static MilestoneView of(Milestone m) {
            return new MilestoneView(m.id, m.programmeId, m.fiscalYear, m.code, m.version, m.title, m.metric, m.unit,
                    m.direction, Decimals.normal(m.target), Decimals.normal(m.threshold), m.weightBasisPoints,
                    m.critical, m.recipientId, m.supersededBy, m.createdBy, m.createdAt);
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
            Instant recordedAt) {

        public static ResultView of(ReviewResult r, Milestone m) {
            return new ResultView(m.id, m.code, m.version, m.title, m.metric, m.unit, m.direction,
                    Decimals.normal(m.target), Decimals.normal(m.threshold), m.weightBasisPoints, m.critical,
                    m.recipientId, Decimals.normal(r.measuredValue), r.asOf, r.evidence(), r.note, r.assessment,
                    r.achievementBasisPoints, r.achievement.toString(), r.ruleVersion, r.recordedBy, r.recordedAt);
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

        public static List<ResultView> results(List<ReviewResult> results, Map<UUID, Milestone> milestones) {
            return results.stream().map(r -> ResultView.of(r, milestones.get(r.milestoneId))).toList();
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
