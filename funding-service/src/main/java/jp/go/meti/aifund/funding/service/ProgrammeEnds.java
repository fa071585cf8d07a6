package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import jp.go.meti.aifund.contracts.review.ReviewData;
import jp.go.meti.aifund.funding.aggregate.BudgetDecision;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.ResultLink;
import jp.go.meti.aifund.funding.aggregate.ReturnOrder;
import jp.go.meti.aifund.funding.aggregate.Settlement;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.domain.ProgrammeState;
import jp.go.meti.aifund.funding.outbound.ProgrammeEvents;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.ResultLinkRepository;
import jp.go.meti.aifund.funding.repository.ReturnOrderRepository;
import jp.go.meti.aifund.funding.repository.TrancheDecisionRepository;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.Hearings.TrancheCut;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;

/**
 * The end of a programme ({@link Programme#end} holds what it does to the money):
 * <ul>
 * <li><b>final settlement</b> (額の確定): the finalized review of the last fiscal year, once it has
 * settled the result-linked money, orders back what was paid beyond what results earned (late
 * interest only, art. 18(2)), and closes the programme ({@code CLOSED}), once that year has ended;</li>
 * <li><b>termination</b>: a confirmed {@code TERMINATE} decision ends it ({@code TERMINATED}); grounds
 * of a breach order back every paid yen not yet returned, with interest from receipt.</li>
 * </ul>
 * Each runs once, under the programme's lock: an ended programme is not ended again.
 */
@ApplicationScoped
public class ProgrammeEnds {

    /** How long the recipient has to repay what the final settlement orders back. */
    static final int FINAL_RETURN_DAYS = 30;
    private static final Logger LOG = Logger.getLogger(ProgrammeEnds.class);

    private final ProgrammeRepository programmes;
    private final EnvelopeRepository envelopes;
    private final TrancheRepository tranches;
    private final ResultLinkRepository links;
    private final ReturnOrderRepository orders;
    private final Ledger ledger;
    private final ProgrammeEvents events;
    private final Hearings hearings;
    private final TrancheDecisionRepository trancheDecisions;
    private final Clock clock;

    public ProgrammeEnds(ProgrammeRepository programmes, EnvelopeRepository envelopes, TrancheRepository tranches,
            ResultLinkRepository links, ReturnOrderRepository orders, Ledger ledger, ProgrammeEvents events,
            Hearings hearings, TrancheDecisionRepository trancheDecisions, Clock clock) {
        this.hearings = hearings;
        this.trancheDecisions = trancheDecisions;
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.tranches = tranches;
        this.links = links;
        this.orders = orders;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** Runs after {@link ResultSettlements#apply} in the transaction that records the review as applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleFinal(ReviewData review) {
        Programme p = programmes.lockIfPresent(review.getProgrammeId()).orElse(null);
        if (p != null && review.getFiscalYear() == p.lastFiscalYear) {
            settleIfDue(p, review.getReviewId());
        }
    }

    /**
     * Settles the programme on the last year's finalized review ({@code reviewId}) once that year has
     * ended and no approved tranche is unpaid (a payment made by 31 March may still be recorded): a
     * review finalized earlier waits, and the last year's close settles it ({@link YearEndCloses}).
     * The caller holds the programme's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleIfDue(Programme p, UUID reviewId) {
        if (!p.isActive()) {
            LOG.infof("review %s of programme %s, which is %s: it moves no money any more", reviewId, p.id, p.state);
            return;
        }
        if (!p.isSettleable(FiscalYear.today(clock), tranches.open(p.id, null))) {
            LOG.infof("programme %s: the final settlement on review %s waits for FY%d to end and its approved money "
                    + "to be paid; the year's close settles it", p.id, reviewId, p.lastFiscalYear);
            return;
        }
        Instant now = clock.instant();
        LocalDate deadline = FiscalYear.today(clock).plusDays(FINAL_RETURN_DAYS);
        String reason = "final settlement (額の確定) on the finalized FY" + p.lastFiscalYear + " review " + reviewId;
        long started = System.nanoTime();
        Map<UUID, Long> ordered = orders.openAmounts(p.id);
        int issued = 0;
        for (ResultLink link : links.overpaid(p.id)) {
            List<Tranche> family = tranches.ofResultLink(link.id);
            long due = link.overpaid - family.stream().mapToLong(t -> t.recoveredAmount + ordered.getOrDefault(t.id, 0L))
                    .sum();
            issued += orderBack(family, ordered, due, deadline, false, reason + ": paid beyond what the result of "
                    + link.milestoneCode + " earned", Settlement.ACTOR, now);
        }
        LedgerEntry last = end(p, ProgrammeState.CLOSED, Settlement.ACTOR, reason, issued, started, now);
        events.publish(p, ProgrammeChange.PROGRAMME_CLOSED, last, null, null, Settlement.ACTOR, reason, now);
    }

    /**
     * What a proposed termination would take from each tranche, for its notice: every open tranche (it is
     * cancelled) and, on grounds that order money back, what each paid tranche paid that is neither
     * returned nor ordered back yet.
     */
    List<TrancheCut> wouldTake(Programme p, BudgetDecision d) {
        List<TrancheCut> cuts = new ArrayList<>(tranches.open(p.id, null).stream().map(t -> new TrancheCut(t, t.amount))
                .toList());
        if (d.grounds.requiresReturn()) {
            Map<UUID, Long> ordered = orders.openAmounts(p.id);
            tranches.paidOut(p.id).forEach(t -> cuts.add(new TrancheCut(t, t.amount - t.recoveredAmount
                    - ordered.getOrDefault(t.id, 0L))));
        }
        return cuts;
    }

    /**
     * A confirmed termination, under the programme's lock; its last ledger entry, for the events the
     * caller publishes (the decision confirmed, then the programme terminated). {@code heard}: what the
     * ledger entries say of the hearing.
     */
    LedgerEntry terminate(Programme p, BudgetDecision d, String heard, String actor, Instant now) {
        String reason = d.terminationRecord() + d.reason + heard;
        long started = System.nanoTime();
        p.requireActive();
        if (d.returnDeadline != null && d.returnDeadline.isBefore(FiscalYear.today(clock))) {
            throw ConflictException.of("funding.termination.deadline-passed", d.returnDeadline);
        }
        int issued = d.grounds.requiresReturn() ? orderBack(tranches.paidOut(p.id), orders.openAmounts(p.id),
                Long.MAX_VALUE, d.returnDeadline, true, reason, actor, now) : 0;
        return end(p, ProgrammeState.TERMINATED, actor, reason, issued, started, now);
    }

    /** Logs what the end did and how long it held the programme's lock ({@code started}, nanoTime). */
    private LedgerEntry end(Programme p, ProgrammeState to, String actor, String reason, int ordersIssued,
            long started, Instant now) {
        List<Tranche> open = tranches.open(p.id, null);
        LedgerEntry last = ledger.recordAll(p, p.end(to, envelopes.ofProgramme(p.id), open, actor, reason, now), actor,
                reason, now);
        hearings.withdrawAll(p, actor, now); // nothing is decided on an ended programme's pending proposals
        trancheDecisions.pendingOf(p.id).forEach(d -> d.withdraw(actor, "the programme was " + to + ": " + reason, now));
        LOG.infof("programme %s %s: %d open tranches cancelled, %d return orders issued, in %d ms", p.id, to,
                open.size(), ordersIssued, (System.nanoTime() - started) / 1_000_000);
        return last;
    }

    /**
     * Orders back up to {@code due} yen of what {@code paid} tranches paid and is neither returned nor
     * ordered back yet by open orders ({@code ordered}, by tranche), the oldest tranche first: one return
     * order per tranche, its interest from the day the tranche's money was received. Returns how many.
     */
    private int orderBack(List<Tranche> paid, Map<UUID, Long> ordered, long due, LocalDate deadline,
            boolean fromReceipt, String reason, String actor, Instant now) {
        int issued = 0;
        for (Tranche t : paid) {
            if (due <= 0) {
                break;
            }
            long open = ordered.getOrDefault(t.id, 0L);
            long amount = Math.min(due, t.amount - t.recoveredAmount - open);
            if (t.disbursedOn != null && amount > 0) {
                orders.persist(ReturnOrder.issue(t, amount, open, deadline, fromReceipt, reason, actor, now));
                due -= amount;
                issued++;
            }
        }
        return issued;
    }
}
