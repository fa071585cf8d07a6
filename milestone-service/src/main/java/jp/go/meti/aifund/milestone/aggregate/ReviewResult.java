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

import jp.go.meti.aifund.scoring.Assessment;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.milestone.domain.Evidence;

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

    public List<Evidence> evidence() {
        return evidence.stream().map(e -> new Evidence(e.uri, e.title, e.digest)).toList();
    }

    public void setEvidence(List<Evidence> references) {
        evidence.clear();
        references.forEach(e -> evidence.add(new EvidenceRef(e.uri(), e.title(), e.digest())));
    }

    /** The same result, carried into an amendment that corrects the review it belongs to. */
    public ReviewResult copyFor(UUID amendmentId) {
        ReviewResult copy = new ReviewResult();
        copy.id = UUID.randomUUID();
        copy.reviewId = amendmentId;
        copy.milestoneId = milestoneId;
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
