package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.go.meti.aifund.funding.aggregate.BudgetDecision;
import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.domain.BudgetDecisionKind;
import jp.go.meti.aifund.funding.domain.HearingSubject;
import jp.go.meti.aifund.funding.service.Hearings.Proposal;
import jp.go.meti.aifund.funding.domain.Money;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.domain.TerminationGrounds;
import jp.go.meti.aifund.funding.outbound.ProgrammeEvents;
import jp.go.meti.aifund.funding.repository.BudgetDecisionRepository;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.Views.BudgetDecisionView;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.platform.audit.Audited;

/**
 * The ministry's budget decisions, four eyes: one METI official proposes a carry-over (繰越) or a
 * ceiling amendment with its reason, another confirms or rejects it. The {@link Programme} checks
 * what it does to the money when it is proposed and again, under the programme's lock, when it is
 * confirmed, which applies it (ledger entries) and publishes the programme's state.
 */
@ApplicationScoped
public class BudgetDecisions {

    /**
     * A carry-over names its year and {@code amount} and/or {@code trancheIds}; a ceiling amendment
     * names {@code newCeiling}; a re-appropriation its year and {@code amount}; a termination its
     * {@code grounds} (and {@code returnDeadline} when they order money back).
     */
    @Schema(description = "A budget decision to propose. CARRY_OVER: fiscalYear and amount and/or trancheIds; "
            + "CEILING_AMENDMENT: newCeiling; REAPPROPRIATION: fiscalYear and amount (money returned to the treasury made "
            + "spendable again in that year); TERMINATE: grounds, RECIPIENT_BREACH (補助金適正化法 art. 17: every paid yen "
            + "not yet returned is ordered back with the statutory interest, by returnDeadline) or CHANGE_OF_CIRCUMSTANCES "
            + "(art. 10: money paid stays). A field of another kind is refused, naming it.")
    public record ProposeBudgetDecision(
            @NotNull BudgetDecisionKind kind,
            @Schema(nullable = true, description = "CARRY_OVER: the year whose money moves to the next; REAPPROPRIATION: the year the returned money goes into") @Min(2000) @Max(2100) Integer fiscalYear,
            @Schema(nullable = true, description = "CARRY_OVER: uncommitted money of the year, in yen; REAPPROPRIATION: the returned money made spendable again") @PositiveOrZero @Max(Money.MAX_CEILING) Long amount,
            @Schema(nullable = true, description = "CARRY_OVER: approved, unpaid tranches of the year, moved with their commitment") @Size(max = 100) List<@NotNull UUID> trancheIds,
            @Schema(nullable = true, description = "CEILING_AMENDMENT: the new ceiling, in yen") @Positive @Max(Money.MAX_CEILING) Long newCeiling,
            TerminationGrounds grounds,
            LocalDate returnDeadline,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record DecideBudgetDecision(@Size(max = 2000) String note) {
    }

    private final ProgrammeRepository programmes;
    private final EnvelopeRepository envelopes;
    private final TrancheRepository tranches;
    private final BudgetDecisionRepository decisions;
    private final Ledger ledger;
    private final ProgrammeEvents events;
    private final Idempotency idempotency;
    private final ProgrammeEnds ends;
    private final Hearings hearings;
    private final Clock clock;

    public BudgetDecisions(ProgrammeRepository programmes, EnvelopeRepository envelopes, TrancheRepository tranches,
            BudgetDecisionRepository decisions, Ledger ledger, ProgrammeEvents events, Idempotency idempotency,
            ProgrammeEnds ends, Hearings hearings, Clock clock) {
        this.ends = ends;
        this.hearings = hearings;
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.tranches = tranches;
        this.decisions = decisions;
        this.ledger = ledger;
        this.events = events;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional
    @Audited("budget-decision.proposed")
    public BudgetDecisionView propose(UUID programmeId, @Valid ProposeBudgetDecision command, String actor, String key) {
        return idempotency.once(actor, key, List.of("propose-budget-decision", programmeId, command),
                BudgetDecisionView.class, () -> {
                    Programme p = programmes.lock(programmeId);
                    if (decisions.pending(programmeId, command.kind())) {
                        throw ConflictException.of("funding.budget.pending", BudgetDecision.nounOf(command.kind()));
                    }
                    Instant now = clock.instant();
                    BudgetDecision d = switch (command.kind()) {
                        case CARRY_OVER -> carryOver(p, command, actor, now);
                        case CEILING_AMENDMENT -> ceilingAmendment(p, command, actor, now);
                        case REAPPROPRIATION -> reappropriation(p, command, actor, now);
                        case TERMINATE -> termination(p, command, actor, now);
                    };
                    decisions.persist(d);
                    events.publish(p, ProgrammeChange.BUDGET_DECISION_PROPOSED, null, d, actor, command.reason(), now);
                    if (d.kind == BudgetDecisionKind.TERMINATE) {
                        hearings.open(p, termination(p, d), actor, now);
                    }
                    return BudgetDecisionView.of(d);
                });
    }

    @Transactional
    @Audited(value = "budget-decision.confirmed", subject = 1)
    public BudgetDecisionView confirm(UUID programmeId, UUID decisionId, @Valid DecideBudgetDecision command,
            String actor, String key) {
        return idempotency.once(actor, key, List.of("confirm-budget-decision", programmeId, decisionId, command),
                BudgetDecisionView.class, () -> {
                    Programme p = programmes.lock(programmeId);
                    BudgetDecision d = decisions.get(programmeId, decisionId);
                    d.requireConfirmableBy(actor);
                    if (d.kind == BudgetDecisionKind.TERMINATE) {
                        hearings.requireHeard(p, termination(p, d));
                    }
                    Instant now = clock.instant();
                    LedgerEntry last = d.kind == BudgetDecisionKind.TERMINATE
                            ? ends.terminate(p, d, hearings.conclude(p, d.id, actor, now), actor, now)
                            : record(p, d, applied(p, d, now), actor, now);
                    d.confirm(actor, command.note(), now);
                    events.publish(p, ProgrammeChange.BUDGET_DECISION_CONFIRMED, last, d, actor, command.note(), now);
                    if (d.kind == BudgetDecisionKind.TERMINATE) {
                        events.publish(p, ProgrammeChange.PROGRAMME_TERMINATED, last, d, actor, d.reason, now);
                    }
                    return BudgetDecisionView.of(d);
                });
    }

    @Transactional
    @Audited(value = "budget-decision.rejected", subject = 1)
    public BudgetDecisionView reject(UUID programmeId, UUID decisionId, @Valid DecideBudgetDecision command,
            String actor, String key) {
        return idempotency.once(actor, key, List.of("reject-budget-decision", programmeId, decisionId, command),
                BudgetDecisionView.class, () -> {
                    Programme p = programmes.lock(programmeId);
                    BudgetDecision d = decisions.get(programmeId, decisionId);
                    Instant now = clock.instant();
                    d.reject(actor, command.note(), now);
                    hearings.withdraw(p, d.id, actor, now);
                    events.publish(p, ProgrammeChange.BUDGET_DECISION_REJECTED, null, d, actor, command.note(), now);
                    return BudgetDecisionView.of(d);
                });
    }

    private List<Movement> applied(Programme p, BudgetDecision d, Instant now) {
        return switch (d.kind) {
            case CARRY_OVER -> p.carryOver(envelopes.get(p.id, d.fiscalYear),
                    envelopes.find(p.id, d.fiscalYear + 1).orElse(null), d.amount, named(p.id, d.tranches()), now);
            case CEILING_AMENDMENT -> List.of(p.amendCeiling(d.newCeiling));
            case REAPPROPRIATION -> List.of(p.reappropriate(envelopes.get(p.id, d.fiscalYear), d.amount));
            case TERMINATE -> throw new IllegalStateException("a termination ends the programme: ProgrammeEnds");
        };
    }

    /** The decision's ledger entries, each a recorded decision (no Idempotency-Key, as a pullback's); the last one. */
    private LedgerEntry record(Programme p, BudgetDecision d, List<Movement> movements, String actor, Instant now) {
        return ledger.recordAll(p, movements, actor, d.kind + " decision " + d.id + " (proposed by " + d.proposedBy
                + "): " + d.reason, now);
    }

    public List<BudgetDecisionView> ofProgramme(UUID programmeId) {
        programmes.get(programmeId);
        return decisions.ofProgramme(programmeId).stream().map(BudgetDecisionView::of).toList();
    }

    public BudgetDecisionView get(UUID programmeId, UUID decisionId) {
        return BudgetDecisionView.of(decisions.get(programmeId, decisionId));
    }

    private BudgetDecision carryOver(Programme p, ProposeBudgetDecision c, String actor, Instant now) {
        if (c.fiscalYear() == null) {
            throw new InvalidRequestException("fiscalYear", new Text("funding.carry-over.year-required"));
        }
        refuseOthers(c, "newCeiling", c.newCeiling(), "grounds", c.grounds(), "returnDeadline", c.returnDeadline());
        p.requireWithin(c.fiscalYear(), "fiscalYear");
        List<UUID> ids = c.trancheIds() == null ? List.of() : c.trancheIds();
        long amount = c.amount() == null ? 0 : c.amount();
        Envelope from = envelopes.find(p.id, c.fiscalYear()).orElseThrow(() -> new InvalidRequestException("fiscalYear",
                new Text("funding.envelope.none", Text.fiscalYear(c.fiscalYear()))));
        p.requireCarryOver(from, envelopes.find(p.id, c.fiscalYear() + 1).orElse(null), amount, named(p.id, ids));
        return BudgetDecision.carryOver(p.id, c.fiscalYear(), amount, ids, c.reason(), actor, now);
    }

    private BudgetDecision ceilingAmendment(Programme p, ProposeBudgetDecision c, String actor, Instant now) {
        if (c.newCeiling() == null) {
            throw new InvalidRequestException("newCeiling", new Text("funding.ceiling.required"));
        }
        refuseOthers(c, "fiscalYear", c.fiscalYear(), "amount", c.amount(), "trancheIds", c.trancheIds(), "grounds",
                c.grounds(), "returnDeadline", c.returnDeadline());
        p.requireCeiling(c.newCeiling());
        return BudgetDecision.ceilingAmendment(p.id, c.newCeiling(), c.reason(), actor, now);
    }

    private BudgetDecision reappropriation(Programme p, ProposeBudgetDecision c, String actor, Instant now) {
        if (c.fiscalYear() == null) {
            throw new InvalidRequestException("fiscalYear", new Text("funding.reappropriation.year-required"));
        }
        if (c.amount() == null || c.amount() == 0) {
            throw new InvalidRequestException("amount", new Text("funding.reappropriation.amount-required"));
        }
        refuseOthers(c, "trancheIds", c.trancheIds(), "newCeiling", c.newCeiling(), "grounds", c.grounds(),
                "returnDeadline", c.returnDeadline());
        p.requireWithin(c.fiscalYear(), "fiscalYear");
        p.requireReappropriation(envelopes.find(p.id, c.fiscalYear()).orElseThrow(() -> new InvalidRequestException(
                "fiscalYear", new Text("funding.envelope.none", Text.fiscalYear(c.fiscalYear())))), c.amount());
        return BudgetDecision.reappropriation(p.id, c.fiscalYear(), c.amount(), c.reason(), actor, now);
    }

    private BudgetDecision termination(Programme p, ProposeBudgetDecision c, String actor, Instant now) {
        if (c.grounds() == null) {
            throw new InvalidRequestException("grounds", new Text("funding.termination.grounds-required"));
        }
        refuseOthers(c, "fiscalYear", c.fiscalYear(), "amount", c.amount(), "trancheIds", c.trancheIds(), "newCeiling",
                c.newCeiling());
        p.requireActive();
        LocalDate heardBy = FiscalYear.today(clock).plusDays(p.hearingDays);
        if (c.returnDeadline() != null && !c.returnDeadline().isAfter(heardBy)) {
            throw new InvalidRequestException("returnDeadline", new Text("funding.termination.deadline-too-early", heardBy));
        }
        return BudgetDecision.termination(p.id, c.grounds(), c.returnDeadline(), FiscalYear.today(clock), c.reason(),
                actor, now);
    }

    /** A termination as its notice describes it: every open tranche it cancels, every paid yen it orders back. */
    private Proposal termination(Programme p, BudgetDecision d) {
        return new Proposal(HearingSubject.BUDGET_DECISION, d.id, d.kind.name(), FiscalYear.of(FiscalYear.today(clock)),
                d.grounds + ": " + d.reason, ends.wouldTake(p, d), true);
    }

    /** Refuses the first of the named fields given that does not belong to the decision's kind. */
    private static void refuseOthers(ProposeBudgetDecision c, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                throw new InvalidRequestException((String) namesAndValues[i], new Text("funding.budget.foreign-field",
                        BudgetDecision.nounOf(c.kind())));
            }
        }
    }

    /** The named tranches of the programme; an id of none is refused. */
    private List<Tranche> named(UUID programmeId, List<UUID> ids) {
        List<Tranche> named = new ArrayList<>();
        for (UUID id : ids) {
            named.add(tranches.find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                    .orElseThrow(() -> new InvalidRequestException("trancheIds", new Text("funding.budget.unknown-tranche", id))));
        }
        if (named.stream().map(t -> t.id).distinct().count() < named.size()) {
            throw new InvalidRequestException("trancheIds", new Text("funding.budget.tranche-twice"));
        }
        return named;
    }
}
