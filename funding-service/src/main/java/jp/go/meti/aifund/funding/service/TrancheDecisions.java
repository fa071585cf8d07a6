package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.ReturnOrder;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.aggregate.TrancheDecision;
import jp.go.meti.aifund.funding.domain.HearingSubject;
import jp.go.meti.aifund.funding.domain.Money;
import jp.go.meti.aifund.funding.domain.TrancheAction;
import jp.go.meti.aifund.funding.domain.TrancheDecisionAction;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.ReturnOrderRepository;
import jp.go.meti.aifund.funding.repository.TrancheDecisionRepository;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.Hearings.Proposal;
import jp.go.meti.aifund.funding.service.Hearings.TrancheCut;
import jp.go.meti.aifund.funding.service.Views.TrancheDecisionView;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.platform.audit.Audited;

/**
 * Adverse decisions on one tranche ({@link TrancheDecision} holds the rules): an official proposes
 * to reduce or cancel an approved tranche, or to order paid money back, which gives the recipient
 * notice ({@link Hearings}); another official confirms it once the recipient answered or its day
 * passed (the ledger entry, or the return order, records the hearing), or rejects it (the notice is
 * withdrawn). A tranche never approved is only a plan: it is reduced or cancelled directly.
 */
@ApplicationScoped
public class TrancheDecisions {

    /** What is proposed, and why; each action takes its own amounts and no others. */
    public record ProposeTrancheDecision(@NotNull TrancheDecisionAction action,
            @Schema(description = "REDUCE only: the tranche's amount after it (whole yen), less than now")
            @PositiveOrZero @Max(Money.MAX_CEILING) Long newAmount,
            @Schema(description = "ORDER_RETURN only: the yen ordered back, at most what was paid and neither returned "
                    + "nor ordered back yet") @Positive @Max(Money.MAX_CEILING) Long returnAmount,
            @Schema(description = "ORDER_RETURN only: the day to repay by, after the last day the recipient may answer")
            LocalDate returnDeadline,
            @NotBlank @Size(max = 2000) String reason) {
    }

    /** A confirmation's or rejection's note (a rejection needs one). */
    public record DecideTrancheDecision(@Size(max = 2000) String note) {
    }

    private final ProgrammeRepository programmes;
    private final TrancheRepository tranches;
    private final EnvelopeRepository envelopes;
    private final ReturnOrderRepository orders;
    private final TrancheDecisionRepository decisions;
    private final TrancheQueries queries;
    private final Hearings hearings;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final Clock clock;

    public TrancheDecisions(ProgrammeRepository programmes, TrancheRepository tranches, EnvelopeRepository envelopes,
            ReturnOrderRepository orders, TrancheDecisionRepository decisions, TrancheQueries queries,
            Hearings hearings, Ledger ledger, Idempotency idempotency, Clock clock) {
        this.programmes = programmes;
        this.tranches = tranches;
        this.envelopes = envelopes;
        this.orders = orders;
        this.decisions = decisions;
        this.queries = queries;
        this.hearings = hearings;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional
    @Audited(value = "tranche-decision.proposed", subject = 1)
    public TrancheDecisionView propose(UUID programmeId, UUID trancheId, @Valid ProposeTrancheDecision command,
            String actor, String key) {
        return idempotency.once(actor, key, List.of("propose-tranche-decision", programmeId, trancheId, command),
                TrancheDecisionView.class, () -> {
                    Programme p = programmes.lock(programmeId);
                    if (command.action() != TrancheDecisionAction.ORDER_RETURN) {
                        p.requireActive(); // money is still ordered back once the programme ended
                    }
                    Tranche t = tranches.get(programmeId, trancheId);
                    decisions.pending(trancheId).ifPresent(d -> {
                        throw ConflictException.of("funding.decision.pending", d.id, d.action);
                    });
                    Instant now = clock.instant();
                    LocalDate heardBy = FiscalYear.today(clock).plusDays(p.hearingDays);
                    TrancheDecision d = TrancheDecision.propose(t, command.action(), command.newAmount(),
                            command.returnAmount(), command.returnDeadline(), heardBy, command.reason(), actor, now);
                    requireApplicable(d, t);
                    decisions.persist(d);
                    hearings.open(p, proposal(d, t), actor, now);
                    return TrancheDecisionView.of(d);
                });
    }

    @Transactional
    @Audited(value = "tranche-decision.confirmed", subject = 2)
    public TrancheDecisionView confirm(UUID programmeId, UUID trancheId, UUID decisionId,
            @Valid DecideTrancheDecision command, String actor, String key) {
        return idempotency.once(actor, key, List.of("confirm-tranche-decision", programmeId, trancheId, decisionId,
                command), TrancheDecisionView.class, () -> {
                    Programme p = programmes.lock(programmeId);
                    TrancheDecision d = decisions.get(programmeId, trancheId, decisionId);
                    d.requireConfirmableBy(actor);
                    Tranche t = tranches.get(programmeId, trancheId);
                    requireApplicable(d, t);
                    hearings.requireHeard(p, proposal(d, t));
                    if (d.returnDeadline != null && d.returnDeadline.isBefore(FiscalYear.today(clock))) {
                        throw ConflictException.of("funding.decision.deadline-passed", d.returnDeadline);
                    }
                    Instant now = clock.instant();
                    String record = d.record(actor) + hearings.conclude(p, d.id, actor, now);
                    ReturnOrder issued = null;
                    switch (d.action) {
                        case REDUCE -> ledger.record(p, p.reduce(t, envelopes.get(programmeId, t.fiscalYear), d.newAmount,
                                now), actor, record, null, now);
                        case CANCEL -> ledger.record(p, p.cancel(t, envelopes.get(programmeId, t.fiscalYear), now), actor,
                                record, null, now);
                        case ORDER_RETURN -> {
                            issued = ReturnOrder.issue(t, d.returnAmount, orders.openAmount(t.id), d.returnDeadline,
                                    record, actor, now);
                            orders.persist(issued);
                        }
                    }
                    d.confirm(actor, command == null ? null : command.note(), issued, now);
                    return TrancheDecisionView.of(d);
                });
    }

    @Transactional
    @Audited(value = "tranche-decision.rejected", subject = 2)
    public TrancheDecisionView reject(UUID programmeId, UUID trancheId, UUID decisionId,
            @Valid DecideTrancheDecision command, String actor, String key) {
        return idempotency.once(actor, key, List.of("reject-tranche-decision", programmeId, trancheId, decisionId,
                command), TrancheDecisionView.class, () -> {
                    Programme p = programmes.lock(programmeId);
                    TrancheDecision d = decisions.get(programmeId, trancheId, decisionId);
                    Instant now = clock.instant();
                    d.reject(actor, command == null ? null : command.note(), now);
                    hearings.withdraw(p, d.id, actor, now);
                    return TrancheDecisionView.of(d);
                });
    }

    public List<TrancheDecisionView> ofTranche(UUID programmeId, UUID trancheId, Optional<Set<UUID>> actsFor) {
        queries.visible(programmeId, trancheId, actsFor);
        return decisions.ofTranche(programmeId, trancheId).stream().map(TrancheDecisionView::of).toList();
    }

    public TrancheDecisionView get(UUID programmeId, UUID trancheId, UUID decisionId, Optional<Set<UUID>> actsFor) {
        queries.visible(programmeId, trancheId, actsFor);
        return TrancheDecisionView.of(decisions.get(programmeId, trancheId, decisionId));
    }

    /**
     * Refuses, when proposed and again when confirmed, what could not be done to the tranche as it is:
     * a reduction or cancellation of a tranche that is not approved and open (a plan is changed directly),
     * a reduction that does not lower it, a return of more than is outstanding or before the money arrived.
     */
    private void requireApplicable(TrancheDecision d, Tranche t) {
        switch (d.action) {
            case REDUCE, CANCEL -> {
                if (!t.isApproved()) {
                    throw ConflictException.of("funding.decision.not-approved", t.id);
                }
                if (t.state == TrancheState.ON_HOLD) { // its recommendation's decision says what becomes of it
                    throw ConflictException.of("funding.decision.held", t.id);
                }
                t.state.after(d.action == TrancheDecisionAction.REDUCE ? TrancheAction.REDUCE : TrancheAction.CANCEL,
                        true, t.stateBeforeHold);
                if (d.action == TrancheDecisionAction.REDUCE && d.newAmount >= t.amount) {
                    throw new InvalidRequestException("newAmount", new Text("funding.tranche.not-less", Text.yen(t.amount)));
                }
            }
            case ORDER_RETURN -> {
                try {
                    ReturnOrder.issue(t, d.returnAmount, orders.openAmount(t.id), d.returnDeadline, d.reason,
                            d.proposedBy, d.proposedAt); // checked, not kept
                } catch (InvalidRequestException e) {
                    throw e.field().equals("amount") ? e.about("returnAmount") : e.about("returnDeadline");
                }
            }
        }
    }

    /** The decision as its notice describes it: what it takes from the tranche. */
    private static Proposal proposal(TrancheDecision d, Tranche t) {
        return new Proposal(HearingSubject.TRANCHE_DECISION, d.id, d.action.name(), t.fiscalYear,
                d.reason + " (tranche decision " + d.id + " on tranche " + t.id + ": " + t.description + ")",
                List.of(new TrancheCut(t, d.takes(t))), false);
    }
}
