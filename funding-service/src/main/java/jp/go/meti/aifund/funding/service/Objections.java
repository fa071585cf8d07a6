package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.go.meti.aifund.funding.aggregate.Hearing;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Objection;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.aggregate.Pullback;
import jp.go.meti.aifund.funding.aggregate.BudgetDecision;
import jp.go.meti.aifund.funding.aggregate.ReturnOrder;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.aggregate.TrancheDecision;
import jp.go.meti.aifund.funding.domain.HearingSubject;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.TrancheDecisionAction;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.domain.PullbackState;
import jp.go.meti.aifund.funding.outbound.ProgrammeEvents;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.repository.HearingRepository;
import jp.go.meti.aifund.funding.repository.LedgerRepository;
import jp.go.meti.aifund.funding.repository.ObjectionRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.PullbackRepository;
import jp.go.meti.aifund.funding.repository.BudgetDecisionRepository;
import jp.go.meti.aifund.funding.repository.ReturnOrderRepository;
import jp.go.meti.aifund.funding.repository.TrancheDecisionRepository;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.Hearings.EvidenceRef;
import jp.go.meti.aifund.funding.service.Views.HearingView;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.platform.audit.Audited;

/**
 * Objections to adverse decisions ({@link Objection} holds the rules): a member of the recipient heard
 * objects to the decision its hearing concluded ({@code programme.objection-filed}); an official who
 * neither proposed nor confirmed it rules ({@code programme.objection-ruled}). Upheld, every reduction
 * and cancellation the decision (a pullback decision, or a decision on one tranche) made to that
 * recipient's tranches is given back by a {@code TRANCHE_REINSTATED} entry, and a return order it issued
 * is annulled while open; committed again where the tranche was approved: the envelope and the
 * ceiling bite, so money spent elsewhere since is not promised twice (the ruling is refused, naming the
 * limit).
 */
@ApplicationScoped
public class Objections {

    /** The objection in writing, with the evidence it relies on. */
    public record ObjectionFiling(@NotBlank @Size(max = 20_000) String grounds,
            @Size(max = 50) List<@Valid @NotNull EvidenceRef> evidence) {
    }

    /** How an objection is ruled on. */
    public enum RulingOutcome {
        UPHELD, DISMISSED
    }

    /** The ruling and its reasons. */
    public record ObjectionRuling(@NotNull RulingOutcome outcome, @NotBlank @Size(max = 20_000) String reasons) {
    }

    private final HearingRepository hearingRecords;
    private final Hearings hearings;
    private final ObjectionRepository objections;
    private final ProgrammeRepository programmes;
    private final PullbackRepository pullbacks;
    private final TrancheRepository tranches;
    private final EnvelopeRepository envelopes;
    private final LedgerRepository entries;
    private final BudgetDecisionRepository budgetDecisions;
    private final TrancheDecisionRepository trancheDecisions;
    private final ReturnOrderRepository orders;
    private final Ledger ledger;
    private final ProgrammeEvents events;
    private final Idempotency idempotency;
    private final Clock clock;

    public Objections(HearingRepository hearingRecords, Hearings hearings, ObjectionRepository objections,
            ProgrammeRepository programmes, PullbackRepository pullbacks, TrancheRepository tranches,
            EnvelopeRepository envelopes, LedgerRepository entries, BudgetDecisionRepository budgetDecisions,
            TrancheDecisionRepository trancheDecisions,
            ReturnOrderRepository orders, Ledger ledger, ProgrammeEvents events, Idempotency idempotency, Clock clock) {
        this.trancheDecisions = trancheDecisions;
        this.budgetDecisions = budgetDecisions;
        this.orders = orders;
        this.hearingRecords = hearingRecords;
        this.hearings = hearings;
        this.objections = objections;
        this.programmes = programmes;
        this.pullbacks = pullbacks;
        this.tranches = tranches;
        this.envelopes = envelopes;
        this.entries = entries;
        this.ledger = ledger;
        this.events = events;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** A member of the recipient heard ({@code named}: the recipients its token names) objects, once. */
    @Transactional
    @Audited(value = "objection.filed", subject = 1)
    public HearingView file(UUID programmeId, UUID hearingId, @Valid ObjectionFiling command, Set<UUID> named, String actor,
            String key) {
        return idempotency.once(actor, key, List.of("object", programmeId, hearingId, command), HearingView.class,
                () -> {
                    Programme p = programmes.lock(programmeId);
                    Hearing h = hearingRecords.get(programmeId, hearingId);
                    if (!hearings.actsFor(h, named)) { // as if it did not exist, like every record of another recipient
                        throw new NotFoundException("hearing", hearingId);
                    }
                    objections.ofHearing(h.id).ifPresent(o -> {
                        throw ConflictException.of("funding.objection.already", o.filedBy, o.filedAt, o.id,
                                new Text.Noun("funding", "objection." + o.state.name()));
                    });
                    Instant now = clock.instant();
                    Objection o = Objection.file(h, command.grounds(), hearings.evidence(command.evidence()), actor,
                            FiscalYear.today(clock), now);
                    objections.persist(o);
                    events.publish(p, ProgrammeChange.OBJECTION_FILED, h, hearings.parts(h), o, actor, o.grounds, now);
                    return hearings.view(h);
                });
    }

    /** An official who neither proposed nor confirmed the decision rules on the objection to it. */
    @Transactional
    @Audited(value = "objection.ruled", subject = 1)
    public HearingView rule(UUID programmeId, UUID hearingId, @Valid ObjectionRuling command, String actor, String key) {
        return idempotency.once(actor, key, List.of("rule-objection", programmeId, hearingId, command), HearingView.class,
                () -> {
                    Programme p = programmes.lock(programmeId);
                    Hearing h = hearingRecords.get(programmeId, hearingId);
                    Objection o = objections.ofHearing(h.id).orElseThrow(() -> new NotFoundException(
                            "objection to hearing", hearingId));
                    o.requireRulableBy(actor);
                    Instant now = clock.instant();
                    boolean upheld = command.outcome() == RulingOutcome.UPHELD;
                    Reversal reversal = upheld ? reversal(p, h, actor, now) : Reversal.NONE;
                    o.rule(upheld, command.reasons(), reversal.amount(), actor, now);
                    if (!reversal.moves().isEmpty()) {
                        ledger.recordAll(p, reversal.moves(), actor, o.record() + "; reverses " + reversal.decision()
                                + (h.subject == HearingSubject.BUDGET_DECISION ? "" : " for recipient " + h.recipientId),
                                now);
                    }
                    events.publish(p, ProgrammeChange.OBJECTION_RULED, h, hearings.parts(h), o, actor, o.ruling, now);
                    return hearings.view(h);
                });
    }

    /** What an upheld objection gives back: the reinstating movements (or an annulled order's yen), and the decision's record. */
    private record Reversal(List<Movement> moves, long amount, String decision) {
        static final Reversal NONE = new Reversal(List.of(), 0, "");

        static Reversal of(List<Movement> moves, String decision) {
            return new Reversal(moves, moves.stream().mapToLong(Movement::amount).sum(), decision);
        }
    }

    /** Reverses the decision the hearing concluded, for the recipient heard (a termination: for the whole programme). */
    private Reversal reversal(Programme p, Hearing h, String actor, Instant now) {
        return switch (h.subject) {
            case PULLBACK_DECISION -> {
                Pullback decision = pullbacks.get(p.id, h.subjectId);
                String record = decision.decisionRecord(decision.decidedBy);
                yield Reversal.of(reverse(p, record, decision.heldTranches(), h.recipientId, now), record);
            }
            case TRANCHE_DECISION -> {
                TrancheDecision decision = trancheDecisions.byId(p.id, h.subjectId);
                String record = decision.record(decision.decidedBy);
                if (decision.action == TrancheDecisionAction.ORDER_RETURN) { // no money moved yet: the order is annulled
                    ReturnOrder order = orders.findById(decision.returnOrderId);
                    order.annul(actor, now);
                    yield new Reversal(List.of(), order.amount, record);
                }
                yield Reversal.of(reverse(p, record, List.of(decision.trancheId), h.recipientId, now), record);
            }
            case BUDGET_DECISION -> resumed(p, budgetDecisions.get(p.id, h.subjectId), actor, now);
        };
    }

    /**
     * A termination reversed: its return orders annulled (refused if one was repaid: a refund is the
     * ministry's, in writing), the years it closed open again with what they lapsed, the programme active,
     * and every tranche it cancelled given back; what it gives back is what it had cancelled and ordered.
     */
    private Reversal resumed(Programme p, BudgetDecision termination, String actor, Instant now) {
        String record = termination.terminationRecord();
        List<ReturnOrder> ordered = orders.list("programmeId", p.id).stream().filter(o -> o.reason.startsWith(record))
                .toList();
        ordered.forEach(ReturnOrder::requireAnnullable);
        List<LedgerEntry> byTheEnd = entries.list("programmeId = ?1 and kind in ?2", p.id,
                List.of(LedgerKind.YEAR_CLOSED, LedgerKind.TRANCHE_CANCELLED)).stream()
                .filter(e -> e.reason.startsWith(record)).toList();
        Map<Integer, Long> lapsed = byTheEnd.stream().filter(e -> e.kind == LedgerKind.YEAR_CLOSED)
                .collect(Collectors.toMap(e -> e.fiscalYear, e -> e.amount));
        List<Movement> moves = new ArrayList<>(p.resume(envelopes.ofProgramme(p.id), lapsed, record));
        List<UUID> cancelled = byTheEnd.stream().filter(e -> e.kind == LedgerKind.TRANCHE_CANCELLED)
                .map(e -> e.trancheId).toList();
        moves.addAll(reverse(p, record, cancelled, null, now));
        moves.addAll(heldAgain(p, cancelled, now));
        ordered.forEach(o -> o.annul(actor, now));
        long given = moves.stream().filter(m -> m.kind() == LedgerKind.TRANCHE_REINSTATED).mapToLong(Movement::amount)
                .sum() + ordered.stream().mapToLong(o -> o.amount).sum();
        return new Reversal(moves, given, record.substring(0, record.length() - 2));
    }

    /**
     * The reinstated tranches that a pullback recommendation not yet decided held when the termination
     * cancelled them are held again: the recommendation still awaits its decision.
     */
    private List<Movement> heldAgain(Programme p, List<UUID> reinstated, Instant at) {
        Set<UUID> held = pullbacks.list("programmeId = ?1 and state <> ?2", p.id, PullbackState.DECIDED).stream()
                .flatMap(r -> r.heldTranches().stream()).collect(Collectors.toSet());
        List<UUID> again = reinstated.stream().filter(held::contains).toList();
        return again.isEmpty() ? List.of() : tranches.list("programmeId = ?1 and id in ?2", p.id, again).stream()
                .map(t -> p.hold(t, at)).toList();
    }

    /**
     * Gives back what the decision (its ledger entries begin with {@code decision}) took from the recipient
     * heard: one reinstatement per reduction or cancellation of its tranches, by the amount that entry took.
     */
    private List<Movement> reverse(Programme p, String decision, List<UUID> trancheIds, UUID recipient, Instant at) {
        List<LedgerEntry> taken = entries.takenBy(p.id, decision, trancheIds);
        Map<UUID, Tranche> byId = taken.isEmpty() ? Map.of()
                : tranches.list("programmeId = ?1 and id in ?2", p.id, taken.stream().map(e -> e.trancheId).toList())
                        .stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        List<Movement> moves = new ArrayList<>();
        for (LedgerEntry e : taken) {
            Tranche t = byId.get(e.trancheId);
            if (recipient == null || t.recipientId.equals(recipient)) {
                moves.add(p.reinstate(t, envelopes.get(p.id, t.fiscalYear), e.kind, e.amount, at));
            }
        }
        return moves;
    }
}
