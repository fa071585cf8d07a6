package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.funding.domain.TrancheDecisionAction;
import jp.go.meti.aifund.funding.domain.TrancheDecisionState;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

/**
 * An adverse decision on one tranche (a reduction or cancellation once it is approved, a return
 * order once it is paid): proposed by one METI official with its grounds, which gives the recipient
 * notice ({@link Hearing}), and confirmed by another once the recipient answered or its day passed,
 * or rejected. What it does to the money is the {@link Programme}'s (or the {@link ReturnOrder}'s),
 * checked when it is proposed and again when it is confirmed.
 */
@Entity
@Table(name = "tranche_decision")
public class TrancheDecision {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "tranche_id")
    public UUID trancheId;
    @Enumerated(EnumType.STRING)
    public TrancheDecisionAction action;
    /** REDUCE: the tranche's amount after it. */
    @Column(name = "new_amount")
    public Long newAmount;
    /** ORDER_RETURN: the yen ordered back, and the day to repay by. */
    @Column(name = "return_amount")
    public Long returnAmount;
    @Column(name = "return_deadline")
    public LocalDate returnDeadline;
    public String reason;
    @Enumerated(EnumType.STRING)
    public TrancheDecisionState state;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    /** ORDER_RETURN, once confirmed: the order it issued. */
    @Column(name = "return_order_id")
    public UUID returnOrderId;

    protected TrancheDecision() {
    }

    /**
     * Proposes {@code action} on {@code t} ({@code heardBy}: the last day the recipient may answer, after
     * which a return order's deadline must fall); the amounts each action needs, and no others.
     */
    public static TrancheDecision propose(Tranche t, TrancheDecisionAction action, Long newAmount, Long returnAmount,
            LocalDate returnDeadline, LocalDate heardBy, String reason, String actor, Instant at) {
        require(action == TrancheDecisionAction.REDUCE, newAmount, "newAmount", action);
        require(action == TrancheDecisionAction.ORDER_RETURN, returnAmount, "returnAmount", action);
        require(action == TrancheDecisionAction.ORDER_RETURN, returnDeadline, "returnDeadline", action);
        if (returnDeadline != null && !returnDeadline.isAfter(heardBy)) {
            throw new InvalidRequestException("returnDeadline", new Text("funding.decision.deadline-before-answer",
                    heardBy));
        }
        TrancheDecision d = new TrancheDecision();
        d.id = UUID.randomUUID();
        d.programmeId = t.programmeId;
        d.trancheId = t.id;
        d.action = action;
        d.newAmount = newAmount;
        d.returnAmount = returnAmount;
        d.returnDeadline = returnDeadline;
        d.reason = reason.strip();
        d.state = TrancheDecisionState.PROPOSED;
        d.proposedBy = actor;
        d.proposedAt = at;
        return d;
    }

    private static void require(boolean needed, Object value, String field, TrancheDecisionAction action) {
        if (needed && value == null) {
            throw new InvalidRequestException(field, new Text("funding.decision.field-required", action));
        }
        if (!needed && value != null) {
            throw new InvalidRequestException(field, new Text("funding.decision.field-not-taken", action));
        }
    }

    /** What it takes from the tranche, in yen, as its notice says: a reduction's difference, the amount, the return. */
    public long takes(Tranche t) {
        return switch (action) {
            case REDUCE -> Math.max(0, t.amount - newAmount);
            case CANCEL -> t.amount;
            case ORDER_RETURN -> returnAmount;
        };
    }

    /** Refuses the confirmation (before anything is applied) by its proposer, or of one decided already. */
    public void requireConfirmableBy(String actor) {
        requirePending("confirm");
        FourEyes.requireDifferent("tranche decision " + id, proposedBy, "proposed", actor, "confirm");
    }

    /** Records the confirmation; the caller has applied it to the money first ({@code issued}: ORDER_RETURN's order). */
    public void confirm(String actor, String note, ReturnOrder issued, Instant at) {
        requireConfirmableBy(actor);
        if ((action == TrancheDecisionAction.ORDER_RETURN) != (issued != null)) {
            throw new IllegalArgumentException("an ORDER_RETURN decision, and only it, issues a return order");
        }
        returnOrderId = issued == null ? null : issued.id;
        decide(TrancheDecisionState.CONFIRMED, actor, note, at);
    }

    /** Rejected (by any official but its proposer, with a note): nothing is decided. */
    public void reject(String actor, String note, Instant at) {
        if (note == null || note.isBlank()) {
            throw new InvalidRequestException("note", new Text("funding.decision.note-required"));
        }
        requirePending("reject");
        FourEyes.requireDifferent("tranche decision " + id, proposedBy, "proposed", actor, "reject");
        decide(TrancheDecisionState.REJECTED, actor, note, at);
    }

    /** The programme ended before the decision was confirmed or rejected: nothing is decided on it. */
    public void withdraw(String actor, String why, Instant at) {
        if (state == TrancheDecisionState.PROPOSED) {
            decide(TrancheDecisionState.WITHDRAWN, actor, why, at);
        }
    }

    private void requirePending(String step) {
        if (state != TrancheDecisionState.PROPOSED) {
            throw ConflictException.of("funding.decision.decided", id, new Text.Noun("funding", "proposal." + state.name()),
                    BudgetDecision.step(step));
        }
    }

    private void decide(TrancheDecisionState next, String actor, String note, Instant at) {
        state = next;
        decidedBy = actor;
        decidedAt = at;
        decisionNote = note == null || note.isBlank() ? null : note.strip();
    }

    /** How the ledger entry or the return order it makes begins (an upheld objection finds the entry by it). */
    public String record(String confirmedBy) {
        return "tranche decision " + id + " (" + action + ", proposed by " + proposedBy + ", confirmed by " + confirmedBy
                + "): " + reason;
    }
}
