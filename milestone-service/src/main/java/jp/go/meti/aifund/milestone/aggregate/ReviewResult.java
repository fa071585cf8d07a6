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

    /** A value as a reviewer measured it, before the milestone's rules have checked it. */
    public record Measured(BigDecimal value, String unit, LocalDate asOf, List<Evidence> evidence, String note) {
    }

    /** The first result of a milestone in a review: see {@link #recordAgain}. */
    public static ReviewResult record(UUID reviewId, Milestone milestone, int fiscalYear, Measured measured,
            LocalDate today, String actor, Instant at) {
        ReviewResult result = new ReviewResult(reviewId, milestone.id);
        result.recordAgain(milestone, fiscalYear, measured, today, actor, at);
        return result;
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
        Measurement.requireUnit(milestone.unit, measured.unit());
        Measurement.requireAsOf(measured.asOf(), fiscalYear, today);
        List<Evidence> checked = Evidence.requireValid(measured.evidence());
        Kpi.Result assessed = milestone.kpi().assess(measured.value());
        measuredValue = measured.value();
        unit = milestone.unit;
        asOf = measured.asOf();
        note = measured.note();
        setEvidence(checked);
        assessment = assessed.assessment();
        achievement = assessed.achievement();
        achievementBasisPoints = assessed.achievementBasisPoints();
        ruleVersion = ReviewScoring.VERSION;
        recordedBy = actor;
        recordedAt = at;
        return this;
    }

    public List<Evidence> evidence() {
        return evidence.stream().map(e -> new Evidence(e.uri, e.title, e.digest)).toList();
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
        return copy;
    }

    /** What the review's score sees of this result, measured against {@code milestone}. */
    public ReviewScoring.Item scoringItem(Milestone milestone) {
        return new ReviewScoring.Item(milestone.code, milestone.weightBasisPoints, milestone.critical,
                new Kpi.Result(assessment, achievement));
    }

    private void setEvidence(List<Evidence> references) {
        evidence.clear();
        references.forEach(e -> evidence.add(new EvidenceRef(e.uri(), e.title(), e.digest())));
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
    }
}
