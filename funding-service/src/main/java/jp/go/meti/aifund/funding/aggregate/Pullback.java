package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.domain.PullbackDecision;
import jp.go.meti.aifund.funding.domain.PullbackState;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.LargestRemainder;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.kernel.Text;

/**
 * A pullback recommendation received, the tranches it holds, and the ministry decision on it. The
 * recommendation is an input: which review, which year, which policy and score. Every amount acted
 * on is computed here from funding-service's own tranches at the moment of acting: the reduction is
 * ⌊held × (1 − score)⌋ of the tranches still on hold. The recommendation's own figures, computed by
 * notification-service from its copy, are kept as its estimate ({@code estimate…} fields) and never
 * acted on.
 */
@Entity
public class Pullback {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "review_id")
    public UUID reviewId;
    @Column(name = "reviewed_fiscal_year")
    public int reviewedFiscalYear;
    @Column(name = "affected_fiscal_year")
    public int affectedFiscalYear;
    @Column(name = "score_basis_points")
    public int scoreBasisPoints;
    /** The exact score, "numerator/denominator"; null for pullback-policy/1, decided on the basis points. */
    public String score;
    /** The estimate: the affected year's open gated amount in notification-service's copy. */
    @Column(name = "planned_amount")
    public long plannedAmount;
    /** The estimate: the reduction notification-service computed from its copy. */
    @Column(name = "recommended_reduction")
    public long recommendedReduction;
    /** The estimate's split across the members (JSON, as received). */
    public String parts;
    /** The funding ledger entry notification-service's copy had reached when it estimated; null if unsaid. */
    @Column(name = "estimate_as_of_ledger_entry")
    public Long estimateAsOfLedgerEntry;
    @Column(name = "policy_version")
    public String policyVersion;
    @Column(name = "held_tranche_ids")
    public String heldTrancheIds;
    /** What the hold held when the recommendation arrived, in funding-service's own tranches (null before V5). */
    @Column(name = "held_amount")
    public Long heldAmount;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public PullbackState state;
    @Enumerated(EnumType.STRING)
    public PullbackDecision decision;
    @Column(name = "decision_amount")
    public Long decisionAmount;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;

    protected Pullback() {
    }

    /** What the recommendation says: the review and its score, the policy, and the estimate from the copy. */
    public record Recommendation(UUID id, UUID programmeId, UUID reviewId, int reviewedFiscalYear,
            int affectedFiscalYear, int scoreBasisPoints, Ratio score, String policyVersion, long estimatedPlanned,
            long estimatedReduction, String estimatedParts, Long estimateAsOfLedgerEntry) {
    }

    /**
     * Receives the recommendation and holds every not-yet-held, not-yet-paid gated tranche of the
     * affected year ({@code gated}, oldest first); returns the holds for the ledger.
     */
    public static Received receive(Recommendation r, Programme programme, List<Tranche> gated, Instant at) {
        Pullback p = new Pullback();
        p.id = r.id();
        p.programmeId = r.programmeId();
        p.reviewId = r.reviewId();
        p.reviewedFiscalYear = r.reviewedFiscalYear();
        p.affectedFiscalYear = r.affectedFiscalYear();
        p.scoreBasisPoints = r.scoreBasisPoints();
        p.score = r.score() == null ? null : r.score().toString();
        p.policyVersion = r.policyVersion();
        p.plannedAmount = r.estimatedPlanned();
        p.recommendedReduction = r.estimatedReduction();
        p.parts = r.estimatedParts();
        p.estimateAsOfLedgerEntry = r.estimateAsOfLedgerEntry();
        p.receivedAt = at;
        p.state = PullbackState.HOLDING;
        List<Movement> holds = new ArrayList<>();
        List<String> held = new ArrayList<>();
        long amount = 0;
        for (Tranche t : gated) {
            if (t.canBeHeld()) {
                holds.add(programme.hold(t, at));
                held.add(t.id.toString());
                amount += t.amount;
            }
        }
        p.heldTrancheIds = String.join(",", held);
        p.heldAmount = amount;
        return new Received(p, holds);
    }

    public record Received(Pullback pullback, List<Movement> holds) {
    }

    public List<UUID> heldTranches() {
        return heldTrancheIds.isEmpty() ? List.of()
                : Arrays.stream(heldTrancheIds.split(",")).map(UUID::fromString).toList();
    }

    /** The score the policy decides on: the exact one, or the basis points a policy-1 recommendation carried. */
    public Ratio decisiveScore() {
        return score != null ? Ratio.parse(score) : Ratio.basisPoints(scoreBasisPoints);
    }

    /** ⌊amount × (1 − score)⌋: the policy's reduction of what the tranches still on hold hold, the one rounding. */
    public long reductionOf(List<Tranche> stillHeld) {
        return policyReduction(stillHeld.stream().mapToLong(t -> t.amount).sum());
    }

    private long policyReduction(long held) {
        return decisiveScore().complement().floorOf(held);
    }

    /** The policy's reduction of what the hold held when the recommendation arrived. */
    public long policyReductionOfHeld() {
        return policyReduction(heldAmount == null ? 0 : heldAmount);
    }

    /**
     * The reduction this pullback stands for now: the one proposed or decided, else the policy's
     * reduction of the tranches still on hold.
     */
    public long reduction(List<Tranche> stillHeld) {
        boolean reducing = decision == PullbackDecision.REDUCE_BY_RECOMMENDATION || decision == PullbackDecision.REDUCE_BY_AMOUNT;
        return reducing ? decisionAmount : state == PullbackState.DECIDED ? 0 : reductionOf(stillHeld);
    }

    /** A METI official proposes the decision; it takes effect only when another confirms it. */
    public void propose(PullbackDecision choice, Long amount, String reason, String actor, List<Tranche> stillHeld,
            Instant at) {
        if (state == PullbackState.DECIDED) {
            throw ConflictException.of("funding.pullback.decided", id, new Text.Noun("funding", "decision." + decision.name()));
        }
        if ((choice == PullbackDecision.REDUCE_BY_AMOUNT) != (amount != null)) {
            throw new InvalidRequestException("amount", new Text("funding.pullback.amount-only"));
        }
        long held = stillHeld.stream().mapToLong(t -> t.amount).sum();
        if (amount != null && amount > held) {
            throw new InvalidRequestException("amount", new Text("funding.pullback.amount-exceeds", Text.yen(held)));
        }
        state = PullbackState.PROPOSED;
        decision = choice;
        decisionAmount = choice == PullbackDecision.REDUCE_BY_RECOMMENDATION ? Long.valueOf(reductionOf(stillHeld))
                : amount;
        decisionReason = reason.strip();
        proposedBy = actor;
        proposedAt = at;
    }

    /** A proposed decision is confirmed only by another official than its proposer (four eyes). */
    public void requireConfirmableBy(String actor) {
        if (state != PullbackState.PROPOSED) {
            throw ConflictException.of("funding.pullback.nothing-to-confirm", id,
                    new Text.Noun("funding", "pullback." + state.name()));
        }
        FourEyes.requireDifferent("this decision", proposedBy, "proposed", actor, "confirm");
    }

    /**
     * Another METI official confirms the proposal; the tranches still on hold are released, cancelled
     * or reduced (the reduction split across them by their amounts, so the cuts add up exactly; a
     * tranche cut to nothing is cancelled). Returns the movements for the ledger.
     */
    public List<Movement> confirm(Programme programme, Envelope envelope, List<Tranche> stillHeld, String actor,
            Instant at) {
        requireConfirmableBy(actor);
        List<Movement> moves = switch (decision) {
            case LIFT -> stillHeld.stream().map(t -> programme.release(t, at)).toList();
            case CANCEL -> stillHeld.stream().map(t -> programme.cancel(t, envelope, at)).toList();
            case REDUCE_BY_RECOMMENDATION -> {
                long now = reductionOf(stillHeld);
                if (now != decisionAmount) {
                    throw ConflictException.of("funding.pullback.changed", Text.yen(now), Text.yen(decisionAmount));
                }
                yield reduce(programme, envelope, stillHeld, now, at);
            }
            case REDUCE_BY_AMOUNT -> reduce(programme, envelope, stillHeld, decisionAmount, at);
        };
        state = PullbackState.DECIDED;
        decidedBy = actor;
        decidedAt = at;
        return moves;
    }

    /**
     * What the proposed decision would take from each tranche still on hold, in their order: all of it
     * for CANCEL, the reduction's split for REDUCE_*, nothing for LIFT (what {@link #confirm} would do).
     */
    public long[] proposedCuts(List<Tranche> stillHeld) {
        return switch (decision) {
            case LIFT -> new long[stillHeld.size()];
            case CANCEL -> stillHeld.stream().mapToLong(t -> t.amount).toArray();
            case REDUCE_BY_RECOMMENDATION, REDUCE_BY_AMOUNT -> split(stillHeld, decisionAmount);
        };
    }

    /** Whether the proposed decision reduces or cancels, so that the recipients it takes from are heard first. */
    public boolean proposesAdverse() {
        return state == PullbackState.PROPOSED && decision != PullbackDecision.LIFT;
    }

    /** The tranche amounts as weights: each one's share of the reduction, rounded down, leftovers by largest remainder. */
    private static long[] split(List<Tranche> held, long reduction) {
        return held.isEmpty() ? new long[0] : LargestRemainder.split(reduction, held.stream().mapToLong(t -> t.amount)
                .toArray());
    }

    /** The record of who decided what, for each tranche's ledger entry. */
    public String decisionRecord(String confirmedBy) {
        return "ministry decision " + decision + " on pullback recommendation " + id + ", proposed by " + proposedBy
                + ", confirmed by " + confirmedBy + ": " + decisionReason;
    }

    private static List<Movement> reduce(Programme programme, Envelope envelope, List<Tranche> held, long reduction,
            Instant at) {
        long total = held.stream().mapToLong(t -> t.amount).sum();
        if (reduction > total) {
            throw ConflictException.of("funding.pullback.too-much", Text.yen(reduction), Text.yen(total));
        }
        if (held.isEmpty() || reduction == 0) {
            return held.stream().map(t -> programme.release(t, at)).toList();
        }
        long[] cuts = split(held, reduction);
        List<Movement> moves = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            Tranche t = held.get(i);
            long cut = cuts[i];
            moves.add(cut == 0 ? programme.release(t, at) : cut == t.amount ? programme.cancel(t, envelope, at)
                    : programme.reduce(t, envelope, t.amount - cut, at));
        }
        return moves;
    }
}
