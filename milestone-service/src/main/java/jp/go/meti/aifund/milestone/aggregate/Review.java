package jp.go.meti.aifund.milestone.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.milestone.domain.ReviewAction;
import jp.go.meti.aifund.milestone.domain.ReviewState;
import jp.go.meti.aifund.scoring.Outcome;
import jp.go.meti.aifund.scoring.ReviewScoring;

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

    /** For JPA; a review begins with {@link #open} or {@link #amend}. */
    protected Review() {
    }

    private Review(UUID programmeId, int fiscalYear, int revision, LocalDate dueDate, String actor, Instant at) {
        this.id = UUID.randomUUID();
        this.programmeId = programmeId;
        this.fiscalYear = fiscalYear;
        this.revision = revision;
        this.state = ReviewState.DRAFT;
        this.dueDate = dueDate;
        this.createdBy = actor;
        this.createdAt = at;
    }

    /** A draft revision of a year's review; {@code revision} is the year's next (the repository counts them). */
    public static Review open(UUID programmeId, int fiscalYear, int revision, LocalDate dueDate, String actor,
            Instant at) {
        return new Review(programmeId, fiscalYear, revision, dueDate, actor, at);
    }

    /** Results may be recorded or removed only while the review is a draft. */
    public void requireAcceptsResults() {
        state.after(ReviewAction.RECORD_RESULT);
    }

    /**
     * Refuses a milestone this review does not assess: one of another programme or year, or for a
     * first review a superseded version; an amendment assesses exactly the milestones of the revision it
     * corrects ({@code assessedByCorrected}: whether that revision holds a result for it), whose targets stand.
     */
    public void requireAssesses(Milestone m, boolean assessedByCorrected) {
        if (!m.programmeId.equals(programmeId)) {
            throw new InvalidRequestException("milestoneId", new Text("milestone.review.other-programme"));
        }
        if (m.fiscalYear != fiscalYear) {
            throw new InvalidRequestException("milestoneId", new Text("milestone.review.other-year",
                    Text.fiscalYear(m.fiscalYear), Text.fiscalYear(fiscalYear)));
        }
        if (amends != null && !assessedByCorrected) {
            throw new InvalidRequestException("milestoneId", new Text("milestone.review.not-assessed"));
        }
        if (amends == null && m.supersededBy != null) {
            throw new InvalidRequestException("milestoneId", new Text("milestone.review.superseded-version",
                    String.valueOf(m.version), m.code, m.supersededBy));
        }
    }

    /** Only a draft is submitted; checked before its completeness is, which is what {@link #submit} is given. */
    public void requireSubmittable() {
        state.after(ReviewAction.SUBMIT);
    }

    /** NEDO submits the draft with the score its complete results earn. */
    public void submit(String submitter, ReviewScoring.Score score, Instant at) {
        state = state.after(ReviewAction.SUBMIT);
        submittedBy = submitter;
        submittedAt = at;
        score(score);
    }

    /** METI sends a submitted review back to draft, saying why; it is scored again when submitted again. */
    public void returnToDraft(String decider, String reason, Instant at) {
        state = state.after(ReviewAction.RETURN);
        returnedBy = decider;
        returnedAt = at;
        returnReason = reason.strip();
        score(null);
    }

    /** Only a submitted review is finalized, and never by the person who submitted it (four eyes). */
    public void requireFinalizableBy(String decider) {
        state.after(ReviewAction.FINALIZE);
        FourEyes.requireDifferent("this review", submittedBy, "submitted", decider, "finalize");
    }

    /**
     * METI's decision: the review becomes immutable with the score of its results, which were frozen at
     * submission (the same rule on the same values, whatever was redefined since).
     */
    public void finalize(String decider, String note, ReviewScoring.Score score, Instant at) {
        requireFinalizableBy(decider);
        state = state.after(ReviewAction.FINALIZE);
        finalizedBy = decider;
        finalizedAt = at;
        decisionNote = note == null ? null : note.strip();
        score(score);
    }

    /** A finalized review not yet corrected may be amended (checked before any other amendment in progress is). */
    public void requireAmendable() {
        state.after(ReviewAction.AMEND);
        if (amendedBy != null) {
            throw ConflictException.of("milestone.review.amended", id, amendedBy);
        }
    }

    /** A new draft revision correcting this finalized one, due when it was; the caller copies the results over. */
    public Review amend(int nextRevision, String reason, String actor, Instant at) {
        requireAmendable();
        Review amendment = new Review(programmeId, fiscalYear, nextRevision, dueDate, actor, at);
        amendment.amends = id;
        amendment.amendmentReason = reason.strip();
        return amendment;
    }

    /** This revision is replaced by its amendment once that is finalized. */
    public void replaceBy(Review finalizedAmendment) {
        if (!id.equals(finalizedAmendment.amends) || finalizedAmendment.state != ReviewState.FINALIZED) {
            throw new IllegalArgumentException("review " + finalizedAmendment.id
                    + " is not a finalized amendment of review " + id);
        }
        amendedBy = finalizedAmendment.id;
    }

    /** Records the score that decides the outcome, or clears it ({@code null}) when the review goes back to draft. */
    private void score(ReviewScoring.Score s) {
        score = s == null ? null : s.exact();
        scoreBasisPoints = s == null ? null : s.scoreBasisPoints();
        outcome = s == null ? null : s.outcome();
        ruleVersion = s == null ? null : s.ruleVersion();
    }
}
