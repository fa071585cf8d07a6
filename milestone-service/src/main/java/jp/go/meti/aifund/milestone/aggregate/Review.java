package jp.go.meti.aifund.milestone.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.scoring.Outcome;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.scoring.ReviewScoring;
import jp.go.meti.aifund.milestone.domain.ReviewState;

/** One revision of the annual review of a programme's fiscal year. */
@Entity
public class Review {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public int revision;
    /** The finalized revision this one corrects; null for the first. */
    public UUID amends;
    @Column(name = "amendment_reason")
    public String amendmentReason;
    /** The revision that corrected this one, once there is one. */
    @Column(name = "amended_by")
    public UUID amendedBy;
    @Enumerated(EnumType.STRING)
    public ReviewState state;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "returned_by")
    public String returnedBy;
    @Column(name = "returned_at")
    public Instant returnedAt;
    @Column(name = "return_reason")
    public String returnReason;
    @Column(name = "finalized_by")
    public String finalizedBy;
    @Column(name = "finalized_at")
    public Instant finalizedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "score_basis_points")
    public Integer scoreBasisPoints;
    /** The exact score that decided the outcome; {@code scoreBasisPoints} is its display. */
    public Ratio score;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "rule_version")
    public String ruleVersion;

    /** Records the score that decides the outcome, or clears it ({@code null}) when the review goes back to draft. */
    public void score(ReviewScoring.Score s) {
        score = s == null ? null : s.exact();
        scoreBasisPoints = s == null ? null : s.scoreBasisPoints();
        outcome = s == null ? null : s.outcome();
        ruleVersion = s == null ? null : s.ruleVersion();
    }
}
