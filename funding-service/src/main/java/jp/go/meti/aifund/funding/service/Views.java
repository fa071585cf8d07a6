package jp.go.meti.aifund.funding.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

import jp.go.meti.aifund.funding.domain.BudgetDecisionKind;
import jp.go.meti.aifund.funding.domain.Exposure;
import jp.go.meti.aifund.funding.domain.AffectedMembers.MemberAmount;
import jp.go.meti.aifund.funding.domain.Gate;
import jp.go.meti.aifund.funding.domain.HearingState;
import jp.go.meti.aifund.funding.domain.HearingSubject;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.MembershipStatus;
import jp.go.meti.aifund.funding.domain.ObjectionState;
import jp.go.meti.aifund.funding.domain.PaidByMember;
import jp.go.meti.aifund.funding.domain.PaymentRule;
import jp.go.meti.aifund.funding.domain.PaidByMember.MemberPaid;
import jp.go.meti.aifund.funding.domain.PullbackDecision;
import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.funding.domain.StatutoryInterest;
import jp.go.meti.aifund.funding.domain.TrancheDecisionAction;
import jp.go.meti.aifund.funding.domain.TrancheDecisionState;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.funding.aggregate.BudgetDecision;
import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.aggregate.Hearing;
import jp.go.meti.aifund.funding.aggregate.Objection;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Pullback;
import jp.go.meti.aifund.funding.aggregate.Recipient;
import jp.go.meti.aifund.funding.aggregate.ResultLink;
import jp.go.meti.aifund.funding.aggregate.ReturnOrder;
import jp.go.meti.aifund.funding.aggregate.ShareTable;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.aggregate.TrancheDecision;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.LargestRemainder;
import jp.go.meti.aifund.kernel.LargestRemainder.Part;
import jp.go.meti.aifund.funding.domain.PullbackState;
import jp.go.meti.aifund.funding.domain.ReturnOrderState;
import jp.go.meti.aifund.funding.domain.ProgrammeState;
import jp.go.meti.aifund.funding.domain.ProposalState;
import jp.go.meti.aifund.funding.domain.TerminationGrounds;
import jp.go.meti.aifund.funding.domain.SharesInForce;

/** What the service answers: immutable records, never entities (also stored as idempotent answers). */
public final class Views {

    private Views() {
    }

    public record ProgrammeView(UUID id, String name, String commissioningMinistry, String executingAgency,
            int firstFiscalYear, int lastFiscalYear, long ceiling, long planned, long committed,
            long disbursed,
            @Schema(description = "Paid money the recipients returned: it went to the treasury (国庫返納)") long recovered,
            @Schema(description = "Of recovered, what confirmed re-appropriation decisions made spendable again") long reappropriated,
            @Schema(description = "recovered − reappropriated: returned money that is no headroom") long returnedToTreasury,
            @Schema(description = "ceiling − committed − disbursed + reappropriated") long headroom,
            int utilizationBasisPoints, ProgrammeState state, Instant endedAt,
            @Schema(description = "Who closed or terminated it (endedAt: when), and why") String endedBy,
            String endReason,
            @Schema(description = "Days the recipients have to answer the notice of an adverse proposal") int hearingDays,
            Instant createdAt) {

        static ProgrammeView of(Programme p) {
            Exposure e = p.exposure();
            // basis points of the ceiling in use, rounded down; ≤ 10^13 × 10^4 fits a long
            int utilization = (int) (e.outstanding() * 10_000 / p.ceiling);
            return new ProgrammeView(p.id, p.name, p.commissioningMinistry, p.executingAgency, p.firstFiscalYear,
                    p.lastFiscalYear, p.ceiling, p.planned, p.committed, p.disbursed, p.recovered, p.reappropriated,
                    p.returnedToTreasury(), e.headroom(), utilization, p.state, p.endedAt, p.endedBy, p.endReason,
                    p.hearingDays, p.createdAt);
        }
    }

    /** {@code amount}: the year's budget now, after carry-overs in and out and the lapse at its close. */
    public record EnvelopeView(int fiscalYear, LocalDate startsOn, LocalDate endsOn, long amount, long committed,
            long disbursed, long recovered, long headroom, Gate gate, String gateReason, String gateSetBy,
            Instant gateSetAt, long carriedIn, long carriedOut, long lapsed,
            @Schema(description = "Returned money re-appropriated into the year; part of amount") long reappropriated,
            Instant closedAt, String closedBy) {

        static EnvelopeView of(Envelope e) {
            return new EnvelopeView(e.fiscalYear, FiscalYear.firstDay(e.fiscalYear), FiscalYear.lastDay(e.fiscalYear),
                    e.amount, e.committed, e.disbursed, e.recovered, e.exposure().headroom(), e.gate, e.gateReason,
                    e.gateSetBy, e.gateSetAt, e.carriedIn, e.carriedOut, e.lapsed, e.reappropriated, e.closedAt,
                    e.closedBy);
        }
    }

    /**
     * One fiscal year's money at the year end: {@code planned + carriedIn + reappropriated = carriedOut
     * + lapsed + committed + disbursed + unspent}, to the yen; {@code unspent} is 0 once it is closed.
     * {@code recovered} (paid money returned to the treasury) stands beside it: it is no money of the year.
     */
    public record FiscalYearReport(int fiscalYear, long planned, long carriedIn, long reappropriated, long carriedOut,
            long budget, long committed, long disbursed, long lapsed, long unspent,
            @Schema(description = "Paid money of the year the recipients returned to the treasury (国庫返納)") long recovered,
            boolean closed, Instant closedAt) {

        static FiscalYearReport of(Envelope e) {
            return new FiscalYearReport(e.fiscalYear, e.plannedAmount(), e.carriedIn, e.reappropriated, e.carriedOut,
                    e.amount, e.committed, e.disbursed, e.lapsed, e.exposure().headroom(), e.recovered, e.isClosed(),
                    e.closedAt);
        }
    }

    /**
     * A year's close: once closed, what it cancelled and lapsed; before, what it would cancel and lapse
     * now, and {@code refusal}, why it cannot close yet (null when it can).
     */
    public record YearEndCloseView(int fiscalYear, boolean closed, Instant closedAt, String closedBy,
            List<UUID> toCancel, List<UUID> needingCarryOver, boolean carryOverPending, long lapse, String refusal) {

        static YearEndCloseView of(Envelope e, List<Tranche> open, boolean pending, String refusal) {
            return new YearEndCloseView(e.fiscalYear, e.isClosed(), e.closedAt, e.closedBy,
                    open.stream().filter(t -> !t.isApproved()).map(t -> t.id).toList(),
                    open.stream().filter(Tranche::isApproved).map(t -> t.id).toList(), pending,
                    e.isClosed() ? e.lapsed : e.exposure().headroom(), refusal);
        }
    }

    public record BudgetDecisionView(UUID id, UUID programmeId, BudgetDecisionKind kind, Integer fiscalYear,
            Long amount, List<UUID> trancheIds, Long newCeiling, TerminationGrounds grounds, LocalDate returnDeadline,
            String reason, ProposalState state, String proposedBy, Instant proposedAt, String decidedBy,
            Instant decidedAt, String decisionNote) {

        static BudgetDecisionView of(BudgetDecision d) {
            return new BudgetDecisionView(d.id, d.programmeId, d.kind, d.fiscalYear, d.amount, d.tranches(), d.newCeiling,
                    d.grounds, d.returnDeadline, d.reason, d.state, d.proposedBy, d.proposedAt, d.decidedBy, d.decidedAt,
                    d.decisionNote);
        }
    }

    public record TrancheDecisionView(UUID id, UUID programmeId, UUID trancheId, TrancheDecisionAction action,
            Long newAmount, Long returnAmount, LocalDate returnDeadline, String reason, TrancheDecisionState state,
            String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, String decisionNote,
            @Schema(description = "ORDER_RETURN, once confirmed: the return order it issued") UUID returnOrderId) {

        static TrancheDecisionView of(TrancheDecision d) {
            return new TrancheDecisionView(d.id, d.programmeId, d.trancheId, d.action, d.newAmount, d.returnAmount,
                    d.returnDeadline, d.reason, d.state, d.proposedBy, d.proposedAt, d.decidedBy, d.decidedAt,
                    d.decisionNote, d.returnOrderId);
        }
    }

    public record RecipientView(UUID id, String name, RecipientRole role, UUID consortiumId, Integer shareBasisPoints) {

        static RecipientView of(Recipient r) {
            return new RecipientView(r.id, r.name, r.role, r.consortiumId, r.shareBasisPoints);
        }
    }

    public record TrancheView(UUID id, UUID programmeId, int fiscalYear, UUID recipientId, String description,
            TrancheState state, TrancheState stateBeforeHold, long amount, long originalAmount, long recoveredAmount,
            Integer gatedByReviewYear, String requestedBy, String approvedBy, String disbursedBy,
            LocalDate disbursedOn, Instant createdAt, Instant updatedAt,
            @Schema(description = "Null for an advance (a fixed amount); for a result-linked tranche, its allocation "
                    + "and how the milestone's result split it") ResultLinkView resultLink,
            @Schema(description = "What decisions (a reduction, a cancellation) took from a result-linked tranche")
            long withdrawnAmount,
            @Schema(description = "The fiscal year it was planned in, when a carry-over decision moved it to fiscalYear")
            Integer carriedOverFrom) {

        static TrancheView of(Tranche t) {
            return new TrancheView(t.id, t.programmeId, t.fiscalYear, t.recipientId, t.description, t.state,
                    t.stateBeforeHold, t.amount, t.originalAmount, t.recoveredAmount, t.gatedByReviewYear,
                    t.requestedBy, t.approvedBy, t.disbursedBy, t.disbursedOn, t.createdAt, t.updatedAt,
                    t.resultLink == null ? null : ResultLinkView.of(t.resultLink, t.awaitingResult), t.withdrawnAmount,
                    t.carriedOverFrom);
        }
    }

    /**
     * A result-linked allocation: once assessed, {@code allocation = max(earned, withdrawn) + rolledOver +
     * lapsed}; its tranches together may pay {@code earned − withdrawn}; {@code overpaid} was paid beyond
     * an amended result and is to be recovered.
     */
    public record ResultLinkView(UUID id, UUID milestoneId, String milestoneCode, int milestoneFiscalYear,
            UUID goalId, PaymentRule rule, Integer rollOverUntil, long allocation, boolean awaitingResult,
            UUID assessedByReviewId, Integer assessedRevision,
            @Schema(description = "The exact achievement the review computed, numerator/denominator",
                    examples = "3/4") String achievement,
            Boolean met, long earned, long rolledOver, long lapsed, long overpaid, UUID rolledOverFrom,
            UUID rolledOverTo) {

        static ResultLinkView of(ResultLink l, boolean awaitingResult) {
            return new ResultLinkView(l.id, l.milestoneId, l.milestoneCode, l.milestoneFiscalYear, l.goalId, l.rule,
                    l.rollOverUntil, l.allocation, awaitingResult, l.assessedByReview,
                    l.isAssessed() ? l.assessedRevision : null, l.achievement, l.met, l.earned, l.rolledOver, l.lapsed,
                    l.overpaid, l.rolledOverFrom, l.rolledOverTo);
        }
    }

    public record LedgerEntryView(long id, UUID trancheId, Integer fiscalYear, LedgerKind kind, long amount,
            String actor, String reason, String idempotencyKey, Instant recordedAt, Amounts before, Amounts after,
            String previousHash, String hash) {

        public record Amounts(long planned, long committed, long disbursed, long recovered) {
        }

        static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.id, e.trancheId, e.fiscalYear, e.kind, e.amount, e.actor, e.reason,
                    e.idempotencyKey, e.recordedAt,
                    new Amounts(e.plannedBefore, e.committedBefore, e.disbursedBefore, e.recoveredBefore),
                    new Amounts(e.plannedAfter, e.committedAfter, e.disbursedAfter, e.recoveredAfter), e.previousHash,
                    e.hash);
        }
    }

    /**
     * A pullback. {@code plannedAmount}, {@code recommendedReduction} and {@code parts} are the
     * recommendation's estimate from notification-service's copy as of ledger entry
     * {@code estimateAsOfLedgerEntryId}; {@code heldAmount}, {@code reduction} and {@code memberParts}
     * are funding-service's own figures, the ones it acts on, split by the shares in force on the first
     * day of the affected fiscal year ({@code memberPartsShareTableId}; null for the founding shares).
     */
    public record PullbackView(UUID id, UUID programmeId, UUID reviewId, int reviewedFiscalYear,
            int affectedFiscalYear, int scoreBasisPoints, String score, long plannedAmount, long recommendedReduction,
            @JsonRawValue @Schema(type = SchemaType.ARRAY, implementation = Part.class) String parts,
            Long estimateAsOfLedgerEntryId, String policyVersion, List<UUID> heldTrancheIds, Long heldAmount,
            long reduction, List<Part> memberParts, UUID memberPartsShareTableId, Instant receivedAt,
            PullbackState state, PullbackDecision decision, Long decisionAmount, String decisionReason, String proposedBy, Instant proposedAt, String decidedBy,
            Instant decidedAt) {

        static PullbackView of(Pullback p, List<Tranche> stillHeld, SharesInForce members) {
            long reduction = p.reduction(stillHeld);
            return new PullbackView(p.id, p.programmeId, p.reviewId, p.reviewedFiscalYear, p.affectedFiscalYear,
                    p.scoreBasisPoints, p.score, p.plannedAmount, p.recommendedReduction, p.parts,
                    p.estimateAsOfLedgerEntry, p.policyVersion, p.heldTranches(), p.heldAmount, reduction,
                    members.shares().isEmpty() ? List.of() : LargestRemainder.split(reduction, members.shares()),
                    members.shareTableId(), p.receivedAt, p.state, p.decision, p.decisionAmount, p.decisionReason,
                    p.proposedBy, p.proposedAt, p.decidedBy, p.decidedAt);
        }
    }

    /** A notice of an adverse proposal and the recipient's answer, as the ministry and the recipient read it. */
    public record HearingView(UUID id, UUID programmeId, HearingSubject subject,
            @Schema(description = "The pullback recommendation or the budget decision proposed") UUID subjectId,
            @Schema(description = "The recipient given notice") UUID recipientId, String proposedDecision,
            @Schema(description = "The fiscal year the decision affects (a termination's: the year it was proposed in)")
            int fiscalYear, String grounds,
            @Schema(description = "What the decision would take, in yen") long amount,
            @Schema(description = "The amount per member, adding up to amount") List<MemberAmount> parts,
            String noticedBy, Instant noticedAt,
            @Schema(description = "The last day (in Japan) to answer") LocalDate answerBy, HearingState state,
            String response,
            @Schema(description = "The response's evidence; null without a response")
            List<Hearings.EvidenceRef> responseEvidence,
            String respondedBy, Instant respondedAt,
            @Schema(description = "Who confirmed the decision having considered the response (CONCLUDED), or "
                    + "whose rejection or new proposal withdrew the notice (WITHDRAWN)") String closedBy,
            Instant closedAt, ObjectionView objection) {

        /** {@code parts} and {@code evidence}: the hearing's, read from the JSON it keeps them in. */
        static HearingView of(Hearing h, List<MemberAmount> parts, List<Hearings.EvidenceRef> evidence,
                ObjectionView objection) {
            return new HearingView(h.id, h.programmeId, h.subject, h.subjectId, h.recipientId, h.proposedDecision,
                    h.fiscalYear, h.grounds, h.amount, parts, h.noticedBy, h.noticedAt, h.answerBy, h.state, h.response,
                    evidence, h.respondedBy, h.respondedAt, h.closedBy, h.closedAt, objection);
        }
    }

    /** An objection to a confirmed decision, and the ruling on it. */
    @Schema(description = "The recipient's objection to the decision its hearing concluded (審査請求), and the ruling; "
            + "a hearing's is null if none was filed")
    public record ObjectionView(UUID id, String grounds, List<Hearings.EvidenceRef> evidence, String filedBy,
            Instant filedAt, @Schema(description = "The last day (in Japan) it could be filed: three months after "
                    + "the day of the decision") LocalDate fileBy, ObjectionState state,
            @Schema(description = "The ruling's reasons; null until ruled") String ruling, String ruledBy,
            Instant ruledAt,
            @Schema(description = "What the upheld objection gave back to the recipient's tranches, in yen; null "
                    + "unless UPHELD") Long reinstated) {

        static ObjectionView of(Objection o, List<Hearings.EvidenceRef> evidence) {
            return new ObjectionView(o.id, o.grounds, evidence, o.filedBy, o.filedAt, o.fileBy, o.state, o.ruling,
                    o.ruledBy, o.ruledAt, o.reinstated);
        }
    }

    /** A share table: the members' shares from {@code effectiveFrom}, largest first. */
    public record ShareTableView(UUID id, UUID programmeId, LocalDate effectiveFrom, ProposalState state,
            String reason, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
            String decisionNote, List<ShareView> shares) {

        static ShareTableView of(ShareTable t, Map<UUID, String> names) {
            return new ShareTableView(t.id, t.programmeId, t.effectiveFrom, t.state, t.reason, t.proposedBy,
                    t.proposedAt, t.decidedBy, t.decidedAt, t.decisionNote, t.shares(names).stream()
                            .map(s -> new ShareView(s.recipientId(), s.name(), s.basisPoints())).toList());
        }
    }

    /** A fiscal year's money paid per member, and the share table it was split by (null: the founding shares). */
    public record PaidView(int fiscalYear, UUID shareTableId, long paidToConsortium, List<MemberPaid> members) {

        static PaidView of(PaidByMember p) {
            return new PaidView(p.fiscalYear(), p.shares().shareTableId(), p.paidToConsortium(), p.members());
        }
    }

    /** A member's share in a table, named as a proposal names it. */
    public record ShareView(UUID recipientId, String name, int shareBasisPoints) {
    }

    /**
     * The consortium on {@code asOf}: the shares in force ({@code shareTableId} null for the founding
     * shares) and every member's standing, with its share where it is in force.
     */
    public record MembershipView(LocalDate asOf, UUID shareTableId, LocalDate effectiveFrom,
            List<MemberStanding> members) {
    }

    public record MemberStanding(UUID recipientId, String name, MembershipStatus status, Integer shareBasisPoints) {
    }

    /** A return order; {@code interest} and {@code lateInterest} as of {@code interestAsOf} (the repayment once settled). */
    public record ReturnOrderView(UUID id, UUID trancheId, long amount, LocalDate receivedOn, LocalDate deadline,
            String reason, String issuedBy, Instant issuedAt,
            @Schema(description = "OPEN until the repayment is recorded (SETTLED); ANNULLED by an upheld objection to "
                    + "the decision that ordered it: nothing is owed") ReturnOrderState state, LocalDate repaidOn,
            LocalDate interestAsOf, long interestDays, long interest, long lateDays, long lateInterest, long totalDue,
            @Schema(description = "Whether interest from receipt (加算金) is owed: true for a return ordered on a "
                    + "cancellation (art. 17), false for an excess returned after the final settlement (art. 18(2)), "
                    + "which owes late interest only") boolean interestFromReceipt,
            String annulledBy, Instant annulledAt) {

        /** {@code i}: the interest owed to {@code asOf}; an annulled order owes nothing. */
        static ReturnOrderView of(ReturnOrder o, StatutoryInterest i, LocalDate asOf) {
            boolean owed = o.state != ReturnOrderState.ANNULLED;
            return new ReturnOrderView(o.id, o.trancheId, o.amount, o.receivedOn, o.deadline, o.reason, o.issuedBy,
                    o.issuedAt, o.state, o.repaidOn, asOf, owed ? i.interestDays() : 0, owed ? i.interest() : 0,
                    owed ? i.lateDays() : 0, owed ? i.lateInterest() : 0,
                    owed ? o.amount + i.interest() + i.lateInterest() : 0, o.interestFromReceipt, o.annulledBy,
                    o.annulledAt);
        }
    }
}
