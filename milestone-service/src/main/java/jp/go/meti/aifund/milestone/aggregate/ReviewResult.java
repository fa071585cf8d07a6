package jp.go.meti.aifund.milestone.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.milestone.domain.Evidence;
import jp.go.meti.aifund.milestone.domain.Measurement;
import jp.go.meti.aifund.scoring.Assessment;
import jp.go.meti.aifund.scoring.Kpi;
import jp.go.meti.aifund.scoring.ReviewScoring;

/** A measured value of one milestone in one review, with its evidence and computed assessment. */
@Entity
@Table(name = "review_result")
public class ReviewResult {

    @Id
    public UUID id;
    @Column(name = "review_id")
    public UUID reviewId;
    @Column(name = "milestone_id")
    public UUID milestoneId;
    @Column(name = "measured_value")
    public BigDecimal measuredValue;
    public String unit;
    @Column(name = "as_of")
    public LocalDate asOf;
    public String note;
    @Enumerated(EnumType.STRING)
    public Assessment assessment;
    @Column(name = "achievement_basis_points")
    public int achievementBasisPoints;
    /** The exact achievement the score is computed from; {@code achievementBasisPoints} is its display. */
    public Ratio achievement;
    @Column(name = "rule_version")
    public String ruleVersion;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    /** The consortium member whose draft NEDO accepted as this result; null when NEDO recorded it itself. */
    @Column(name = "reported_by")
    public String reportedBy;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "result_evidence", joinColumns = @JoinColumn(name = "result_id"))
    @OrderColumn(name = "position")
    public List<EvidenceRef> evidence = new ArrayList<>();

    /** For JPA; a result begins with {@link #record}. */
    protected ReviewResult() {
    }

    private ReviewResult(UUID reviewId, UUID milestoneId) {
        this.id = UUID.randomUUID();
        this.reviewId = reviewId;
        this.milestoneId = milestoneId;
    }

    /** A value as a reviewer (or a recipient, in a draft) measured it, before the milestone's rules have checked it. */
    public record Measured(BigDecimal value, String unit, LocalDate asOf, List<Evidence> evidence, String note) {

        /**
         * This value once it obeys the milestone's rules: its unit exactly, a day of its fiscal year that
         * has happened, valid evidence (returned checked).
         */
        public Measured requireValidFor(Milestone milestone, int fiscalYear, LocalDate today) {
            Measurement.requireUnit(milestone.unit, unit);
            Measurement.requireAsOf(asOf, fiscalYear, today);
            return new Measured(value, milestone.unit, asOf, Evidence.requireValid(evidence), note);
        }
    }

    /** A milestone's result in a review, to be written by {@link #recordAgain} or {@link #acceptDraft}. */
    public static ReviewResult start(UUID reviewId, Milestone milestone) {
        return new ReviewResult(reviewId, milestone.id);
    }

    /**
     * Replaces the measured value, once it obeys the milestone's rules (its unit exactly, a day of its
     * fiscal year that has happened, valid evidence), and assesses it there and then by the milestone's
     * KPI: the reviewer sees what the value earns before submitting. Returns this result.
     */
    public ReviewResult recordAgain(Milestone milestone, int fiscalYear, Measured measured, LocalDate today,
            String actor, Instant at) {
        if (!milestone.id.equals(milestoneId)) {
            throw new IllegalArgumentException("milestone " + milestone.id + " is not the one of result " + id);
        }
        Measured checked = measured.requireValidFor(milestone, fiscalYear, today);
        Kpi.Result assessed = milestone.kpi().assess(checked.value());
        measuredValue = checked.value();
        unit = checked.unit();
        asOf = checked.asOf();
        note = checked.note();
        setEvidence(checked.evidence());
        assessment = assessed.assessment();
        achievement = assessed.achievement();
        achievementBasisPoints = assessed.achievementBasisPoints();
        ruleVersion = ReviewScoring.VERSION;
        recordedBy = actor;
        recordedAt = at;
        reportedBy = null;
        return this;
    }

    /** Records this result as a consortium member drafted it, once NEDO ({@code actor}) accepts the draft. */
    public ReviewResult acceptDraft(Milestone milestone, int fiscalYear, ResultDraft draft, LocalDate today,
            String actor, Instant at) {
        recordAgain(milestone, fiscalYear, draft.measured(), today, actor, at);
        reportedBy = draft.draftedBy;
        return this;
    }

    public List<Evidence> evidence() {
        return EvidenceRef.toEvidence(evidence);
    }

    /** The same result, carried into an amendment that corrects the review it belongs to. */
    public ReviewResult copyFor(UUID amendmentId) {
        ReviewResult copy = new ReviewResult(amendmentId, milestoneId);
        copy.measuredValue = measuredValue;
        copy.unit = unit;
        copy.asOf = asOf;
        copy.note = note;
        copy.setEvidence(evidence());
        copy.assessment = assessment;
        copy.achievementBasisPoints = achievementBasisPoints;
        copy.achievement = achievement;
        copy.ruleVersion = ruleVersion;
        copy.recordedBy = recordedBy;
        copy.recordedAt = recordedAt;
        copy.reportedBy = reportedBy;
        return copy;
    }

    /** What the review's score sees of this result, measured against {@code milestone}. */
    public ReviewScoring.Item scoringItem(Milestone milestone) {
        return new ReviewScoring.Item(milestone.code, milestone.weightBasisPoints, milestone.critical,
                new Kpi.Result(assessment, achievement));
    }

    private void setEvidence(List<Evidence> references) {
        EvidenceRef.replace(evidence, references);
    }

    @Embeddable
    public static class EvidenceRef {
        public String uri;
        public String title;
        public String digest;

        public EvidenceRef() {
        }

        EvidenceRef(String uri, String title, String digest) {
            this.uri = uri;
            this.title = title;
            this.digest = digest;
        }

        static List<Evidence> toEvidence(List<EvidenceRef> refs) {
            return refs.stream().map(e -> new Evidence(e.uri, e.title, e.digest)).toList();
        }

        static void replace(List<EvidenceRef> refs, List<Evidence> evidence) {
            refs.clear();
            evidence.forEach(e -> refs.add(new EvidenceRef(e.uri(), e.title(), e.digest())));
        }
    }
}
