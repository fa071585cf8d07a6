package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.funding.domain.BudgetDecisionKind;
import jp.go.meti.aifund.funding.domain.ProposalState;
import jp.go.meti.aifund.funding.domain.TerminationGrounds;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.InvalidRequestException;

/**
 * A budget decision (a carry-over, a ceiling amendment, a re-appropriation of returned money, a
 * termination): proposed by one METI official with its
 * reason, confirmed or rejected by another (four eyes). What it does to the money is the
 * {@link Programme}'s, checked when it is proposed and again when it is confirmed.
 */
@Entity
@Table(name = "budget_decision")
public class BudgetDecision {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Enumerated(EnumType.STRING)
    public BudgetDecisionKind kind;
    /** A carry-over's year (its money moves to the next), a re-appropriation's (the money goes into it). */
    @Column(name = "fiscal_year")
    public Integer fiscalYear;
    /** A carry-over's uncommitted money, beside the tranches it names; the money re-appropriated. */
    public Long amount;
    @Column(name = "tranche_ids")
    public String trancheIds;
    @Column(name = "new_ceiling")
    public Long newCeiling;
    /** A termination's grounds, and the deadline of the return orders they require. */
    @Enumerated(EnumType.STRING)
    public TerminationGrounds grounds;
    @Column(name = "return_deadline")
    public LocalDate returnDeadline;
    public String reason;
    @Enumerated(EnumType.STRING)
    public ProposalState state;
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

    protected BudgetDecision() {
    }

    /** A carry-over of {@code fiscalYear}: {@code amount} (may be 0) and the named tranches, at least one of the two. */
    public static BudgetDecision carryOver(UUID programmeId, int fiscalYear, long amount, List<UUID> tranches,
            String reason, String actor, Instant at) {
        if (amount == 0 && tranches.isEmpty()) {
            throw new InvalidRequestException("amount", new Text("funding.carry-over.nothing"));
        }
        BudgetDecision d = new BudgetDecision(programmeId, BudgetDecisionKind.CARRY_OVER, reason, actor, at);
        d.fiscalYear = fiscalYear;
        d.amount = amount;
        d.trancheIds = tranches.stream().map(UUID::toString).collect(Collectors.joining(","));
        return d;
    }

    public static BudgetDecision ceilingAmendment(UUID programmeId, long newCeiling, String reason, String actor,
            Instant at) {
        BudgetDecision d = new BudgetDecision(programmeId, BudgetDecisionKind.CEILING_AMENDMENT, reason, actor, at);
        d.newCeiling = newCeiling;
        return d;
    }

    /** Returned money (国庫返納) made spendable again in the envelope of {@code fiscalYear}. */
    public static BudgetDecision reappropriation(UUID programmeId, int fiscalYear, long amount, String reason,
            String actor, Instant at) {
        BudgetDecision d = new BudgetDecision(programmeId, BudgetDecisionKind.REAPPROPRIATION, reason, actor, at);
        d.fiscalYear = fiscalYear;
        d.amount = amount;
        return d;
    }

    /** Grounds that require a return name the deadline of the return orders, not before {@code today}. */
    public static BudgetDecision termination(UUID programmeId, TerminationGrounds grounds, LocalDate returnDeadline,
            LocalDate today, String reason, String actor, Instant at) {
        if (grounds.requiresReturn() && returnDeadline == null) {
            throw new InvalidRequestException("returnDeadline", new Text("funding.termination.deadline-required",
                    nounOf(grounds)));
        }
        if (!grounds.requiresReturn() && returnDeadline != null) {
            throw new InvalidRequestException("returnDeadline", new Text("funding.termination.deadline-unwanted",
                    nounOf(grounds)));
        }
        if (returnDeadline != null && returnDeadline.isBefore(today)) {
            throw new InvalidRequestException("returnDeadline", new Text("funding.in-the-past"));
        }
        BudgetDecision d = new BudgetDecision(programmeId, BudgetDecisionKind.TERMINATE, reason, actor, at);
        d.grounds = grounds;
        d.returnDeadline = returnDeadline;
        return d;
    }

    private BudgetDecision(UUID programmeId, BudgetDecisionKind kind, String reason, String actor, Instant at) {
        this.id = UUID.randomUUID();
        this.programmeId = programmeId;
        this.kind = kind;
        this.reason = reason;
        this.state = ProposalState.PROPOSED;
        this.proposedBy = actor;
        this.proposedAt = at;
        this.trancheIds = "";
    }

    /** How the ledger entries and return orders of a confirmed termination begin (an upheld objection finds them by it). */
    public String terminationRecord() {
        return "TERMINATE decision " + id + " (" + grounds + ", proposed by " + proposedBy + "): ";
    }

    public List<UUID> tranches() {
        return trancheIds.isEmpty() ? List.of() : Arrays.stream(trancheIds.split(",")).map(UUID::fromString).toList();
    }

    public boolean isPending() {
        return state == ProposalState.PROPOSED;
    }

    /** Records the confirmation by another official; the caller has applied it to the money first. */
    public void confirm(String actor, String note, Instant at) {
        requireConfirmableBy(actor);
        decide(ProposalState.CONFIRMED, actor, note, at);
    }

    public void reject(String actor, String note, Instant at) {
        if (note == null || note.isBlank()) {
            throw new InvalidRequestException("note", new Text("funding.budget.note-required"));
        }
        requirePending("reject");
        FourEyes.requireDifferent("budget decision " + id, proposedBy, "proposed", actor, "reject");
        decide(ProposalState.REJECTED, actor, note, at);
    }

    /** Refuses the confirmation before anything is applied. */
    public void requireConfirmableBy(String actor) {
        requirePending("confirm");
        FourEyes.requireDifferent("budget decision " + id, proposedBy, "proposed", actor, "confirm");
    }

    private void requirePending(String action) {
        if (!isPending()) {
            throw ConflictException.of("funding.budget.decided", id, nounOf(state), step(action));
        }
    }

    /** A proposal's state (PROPOSED, CONFIRMED, REJECTED) as the reader's language says it. */
    public static Text.Noun nounOf(ProposalState s) {
        return new Text.Noun("funding", "proposal." + s.name());
    }

    /** A step of a four-eyes proposal ("confirm", "reject") as the reader's language says it. */
    public static Text.Noun step(String step) {
        return new Text.Noun("funding", "step." + step);
    }

    /** Grounds of a termination, by their code in English, named in Japanese. */
    public static Text.Noun nounOf(TerminationGrounds g) {
        return new Text.Noun("funding", "grounds." + g.name());
    }

    /** The kind of a budget decision, by its code in English, named in Japanese. */
    public static Text.Noun nounOf(BudgetDecisionKind k) {
        return new Text.Noun("funding", "kind." + k.name());
    }

    private void decide(ProposalState next, String actor, String note, Instant at) {
        state = next;
        decidedBy = actor;
        decidedAt = at;
        decisionNote = note;
    }
}
