package jp.go.meti.aifund.milestone.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult.EvidenceRef;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult.Measured;
import jp.go.meti.aifund.milestone.domain.DraftState;
import jp.go.meti.aifund.milestone.domain.Evidence;

/**
 * A result as the recipient responsible for the milestone reported it: checked by the milestone's
 * rules when drafted, it counts only once NEDO accepts it, and NEDO may return it with a reason.
 */
@Entity
@Table(name = "result_draft")
public class ResultDraft {

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
    public DraftState state;
    @Column(name = "drafted_by")
    public String draftedBy;
    /** The recipient the member drafted for: the one responsible for the milestone. */
    @Column(name = "drafted_for")
    public UUID draftedFor;
    @Column(name = "drafted_at")
    public Instant draftedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "return_reason")
    public String returnReason;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "result_draft_evidence", joinColumns = @JoinColumn(name = "draft_id"))
    @OrderColumn(name = "position")
    public List<EvidenceRef> evidence = new ArrayList<>();

    /** For JPA; a draft begins with {@link #draft}. */
    protected ResultDraft() {
    }

    private ResultDraft(UUID reviewId, UUID milestoneId) {
        this.id = UUID.randomUUID();
        this.reviewId = reviewId;
        this.milestoneId = milestoneId;
    }

    /** The first draft of a milestone's result in a review: see {@link #draftAgain}. */
    public static ResultDraft draft(Review review, Milestone milestone, Measured measured, UUID draftedFor,
            LocalDate today, String actor, Instant at) {
        return new ResultDraft(review.id, milestone.id).draftAgain(review, milestone, measured, draftedFor, today,
                actor, at);
    }

    /**
     * Replaces the drafted value, once it obeys the milestone's rules, and awaits NEDO's decision
     * again (whatever NEDO decided on the earlier draft). Returns this draft.
     */
    public ResultDraft draftAgain(Review review, Milestone milestone, Measured measured, UUID draftedFor,
            LocalDate today, String actor, Instant at) {
        review.requireAcceptsResults();
        Measured checked = measured.requireValidFor(milestone, review.fiscalYear, today);
        measuredValue = checked.value();
        unit = checked.unit();
        asOf = checked.asOf();
        note = checked.note();
        EvidenceRef.replace(evidence, checked.evidence());
        state = DraftState.PENDING;
        this.draftedFor = draftedFor;
        draftedBy = actor;
        draftedAt = at;
        decidedBy = null;
        decidedAt = null;
        returnReason = null;
        return this;
    }

    public Measured measured() {
        return new Measured(measuredValue, unit, asOf, evidence(), note);
    }

    public List<Evidence> evidence() {
        return EvidenceRef.toEvidence(evidence);
    }

    /** NEDO accepts the draft (not the member who drafted it, whatever roles they hold); the caller records the result. */
    public void accept(String actor, Instant at) {
        decide(actor, "accept");
        state = DraftState.ACCEPTED;
        decidedBy = actor;
        decidedAt = at;
    }

    /** NEDO returns the draft, saying why; the member may draft it again. */
    public void returnWith(String reason, String actor, Instant at) {
        decide(actor, "return");
        state = DraftState.RETURNED;
        decidedBy = actor;
        decidedAt = at;
        returnReason = reason.strip();
    }

    /**
     * A review is not submitted while a recipient's draft awaits NEDO: its report must be accepted or
     * returned. {@code milestones}: the drafts' milestones by id.
     */
    public static void requireNonePending(List<ResultDraft> drafts, Map<UUID, Milestone> milestones) {
        List<String> pending = drafts.stream().filter(d -> d.state == DraftState.PENDING)
                .map(d -> milestones.get(d.milestoneId).code).sorted().toList();
        if (!pending.isEmpty()) {
            throw ConflictException.of("milestone.draft.pending", new Text.Items(pending));
        }
    }

    private void decide(String actor, String step) {
        if (state != DraftState.PENDING) {
            throw ConflictException.of("milestone.draft.decided", new Text.Noun("milestone", "draft." + state.name()),
                    decidedBy);
        }
        FourEyes.requireDifferent("this result", draftedBy, "drafted", actor, step);
    }
}
