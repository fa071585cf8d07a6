package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.TrancheAction;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.funding.outbound.TrancheEvents;
import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.RecipientRepository;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.TrancheCommands.Decision;
import jp.go.meti.aifund.funding.service.TrancheCommands.Disburse;
import jp.go.meti.aifund.funding.service.TrancheCommands.PlanTranche;
import jp.go.meti.aifund.funding.service.TrancheCommands.ReasonedDecision;
import jp.go.meti.aifund.funding.service.TrancheCommands.Recover;
import jp.go.meti.aifund.funding.service.TrancheCommands.Reduce;
import jp.go.meti.aifund.funding.service.Views.TrancheView;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.platform.rest.ETags;

/**
 * Every change of a tranche goes through here, and each one, in a single transaction: claims its
 * Idempotency-Key, locks the programme row, checks the life cycle, the four-eyes rule, the gate
 * and the cumulative totals against the envelope and the ceiling, then writes the ledger entry and
 * the outbox event. Planning reserves nothing (a programme may plan more than it can fund); the
 * approval commits the money, and that is where the limits bite.
 */
@ApplicationScoped
public class TrancheService {

    private final ProgrammeRepository programmes;
    private final EnvelopeRepository envelopes;
    private final RecipientRepository recipients;
    private final TrancheRepository tranches;
    private final Idempotency idempotency;
    private final Ledger ledger;
    private final TrancheEvents events;
    private final ETags etags;
    private final Clock clock;

    public TrancheService(ProgrammeRepository programmes, EnvelopeRepository envelopes, RecipientRepository recipients,
            TrancheRepository tranches, Idempotency idempotency, Ledger ledger, TrancheEvents events, ETags etags,
            Clock clock) {
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.recipients = recipients;
        this.tranches = tranches;
        this.idempotency = idempotency;
        this.ledger = ledger;
        this.events = events;
        this.etags = etags;
        this.clock = clock;
    }

    @Transactional
    public TrancheView plan(UUID programmeId, @Valid PlanTranche command, String actor, String key) {
        return idempotency.once(actor, key, List.of("plan", programmeId, command), TrancheView.class, () -> {
            Programme p = programmes.lock(programmeId);
            ProgrammeService.requireWithinProgramme(p, command.fiscalYear(), "fiscalYear");
            if (envelopes.find(programmeId, command.fiscalYear()).isEmpty()) {
                throw new InvalidRequestException("fiscalYear", "FY" + command.fiscalYear()
                        + " has no envelope yet: set its planned amount first");
            }
            if (recipients.find("programmeId = ?1 and id = ?2", programmeId, command.recipientId()).count() == 0) {
                throw new InvalidRequestException("recipientId", "names no recipient of this programme");
            }
            Instant now = clock.instant();
            Tranche t = new Tranche();
            t.id = UUID.randomUUID();
            t.programmeId = programmeId;
            t.fiscalYear = command.fiscalYear();
            t.recipientId = command.recipientId();
            t.description = command.description();
            t.amount = command.amount();
            t.originalAmount = command.amount();
            t.state = TrancheState.PLANNED;
            t.gatedByReviewYear = t.fiscalYear == p.firstFiscalYear ? null : t.fiscalYear - 1;
            t.requestedBy = actor;
            t.createdAt = now;
            t.updatedAt = now;
            tranches.persist(t);
            record(p, p.balances(), Ledger.Change.of(LedgerKind.TRANCHE_PLANNED, t, t.amount, actor,
                    command.description(), key), t, now);
            return TrancheView.of(t);
        });
    }

    @Transactional
    public TrancheView approve(UUID programmeId, UUID trancheId, @Valid Decision command, String actor, String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.APPROVE, command, actor, key, ifMatch, (p, t, e) -> {
            FourEyes.requireDifferent("this tranche", t.requestedBy, "requested", actor, "approve");
            if (!e.gate.allowsApproval()) {
                throw new ConflictException("FY" + t.fiscalYear + " tranches are gated on the finalized FY"
                        + t.gatedByReviewYear + " review, which has not passed, and no ministry decision opened the gate");
            }
            e.apply(e.exposure().commit(t.amount));
            p.apply(p.exposure().commit(t.amount));
            t.approvedBy = actor;
            return Ledger.Change.of(LedgerKind.TRANCHE_APPROVED, t, t.amount, actor, command.reason(), key);
        });
    }

    @Transactional
    public TrancheView disburse(UUID programmeId, UUID trancheId, @Valid Disburse command, String actor, String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.DISBURSE, command, actor, key, ifMatch, (p, t, e) -> {
            FourEyes.requireDifferent("this tranche", t.approvedBy, "approved", actor, "disburse");
            LocalDate paidOn = paidOn(command.disbursedOn(), t.fiscalYear);
            e.apply(e.exposure().disburse(t.amount));
            p.apply(p.exposure().disburse(t.amount));
            t.disbursedBy = actor;
            t.disbursedOn = paidOn; // a Japanese calendar day: statutory interest counts from it
            return Ledger.Change.of(LedgerKind.TRANCHE_DISBURSED, t, t.amount, actor, command.reason(), key);
        });
    }

    /** The day the money was paid: today unless stated, not in the future, not before its fiscal year began. */
    private LocalDate paidOn(LocalDate stated, int fiscalYear) {
        LocalDate today = FiscalYear.today(clock);
        if (stated == null) {
            return today;
        }
        if (stated.isAfter(today)) {
            throw new InvalidRequestException("disbursedOn", "is after today (" + today + " in Japan): "
                    + "record a disbursement once the money has been paid");
        }
        if (stated.isBefore(FiscalYear.firstDay(fiscalYear))) {
            throw new InvalidRequestException("disbursedOn", "is before FY" + fiscalYear + " began on "
                    + FiscalYear.firstDay(fiscalYear));
        }
        return stated;
    }

    /** Holds the money of a tranche (approved money stays committed) until a decision ends the hold. */
    @Transactional
    public TrancheView hold(UUID programmeId, UUID trancheId, @Valid ReasonedDecision command, String actor, String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.HOLD, command, actor, key, ifMatch,
                rule(TrancheAction.HOLD, 0, actor, command.reason(), key));
    }

    @Transactional
    public TrancheView release(UUID programmeId, UUID trancheId, @Valid ReasonedDecision command, String actor,
            String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.RELEASE, command, actor, key, ifMatch,
                rule(TrancheAction.RELEASE, 0, actor, command.reason(), key));
    }

    /** Lowers the amount; if it was committed, the difference returns to the headroom. */
    @Transactional
    public TrancheView reduce(UUID programmeId, UUID trancheId, @Valid Reduce command, String actor, String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.REDUCE, command, actor, key, ifMatch,
                rule(TrancheAction.REDUCE, command.newAmount(), actor, command.reason(), key));
    }

    @Transactional
    public TrancheView cancel(UUID programmeId, UUID trancheId, @Valid ReasonedDecision command, String actor,
            String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.CANCEL, command, actor, key, ifMatch,
                rule(TrancheAction.CANCEL, 0, actor, command.reason(), key));
    }

    /** Records disbursed money returned by the recipient: it goes back to the headroom. */
    @Transactional
    public TrancheView recover(UUID programmeId, UUID trancheId, @Valid Recover command, String actor, String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.RECOVER, command, actor, key, ifMatch,
                rule(TrancheAction.RECOVER, command.amount(), actor, command.reason(), key));
    }

    /**
     * A change made by a recorded decision rather than a portal request (a pullback recommendation,
     * a ministry decision, a settled return order): that record makes it happen once, so there is
     * no Idempotency-Key. {@code amount} is the new amount of a reduction, the yen of a recovery.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TrancheView decided(UUID programmeId, UUID trancheId, TrancheAction action, long amount, String actor,
            String reason) {
        return transition(programmeId, trancheId, action, null, rule(action, amount, actor, reason, null));
    }

    /** The money of each decision; every one is a ledger entry with who and why. */
    private static MoneyRule rule(TrancheAction action, long amount, String actor, String reason, String key) {
        return switch (action) {
            case HOLD -> (p, t, e) -> Ledger.Change.of(LedgerKind.TRANCHE_HELD, t, 0, actor, reason, key);
            case RELEASE -> (p, t, e) -> Ledger.Change.of(LedgerKind.TRANCHE_RELEASED, t, 0, actor, reason, key);
            case REDUCE -> (p, t, e) -> {
                if (amount >= t.amount) {
                    throw new InvalidRequestException("newAmount", "must be less than the current amount ¥" + t.amount);
                }
                long difference = t.amount - amount;
                if (t.isApproved()) {
                    e.apply(e.exposure().releaseCommitment(difference));
                    p.apply(p.exposure().releaseCommitment(difference));
                }
                t.amount = amount;
                return Ledger.Change.of(LedgerKind.TRANCHE_REDUCED, t, difference, actor, reason, key);
            };
            case CANCEL -> (p, t, e) -> {
                if (t.isApproved()) {
                    e.apply(e.exposure().releaseCommitment(t.amount));
                    p.apply(p.exposure().releaseCommitment(t.amount));
                }
                return Ledger.Change.of(LedgerKind.TRANCHE_CANCELLED, t, t.amount, actor, reason, key);
            };
            case RECOVER -> (p, t, e) -> {
                long recoverable = t.amount - t.recoveredAmount;
                if (amount > recoverable) {
                    throw new InvalidRequestException("amount", "exceeds the ¥" + recoverable + " still recoverable");
                }
                e.apply(e.exposure().recover(amount));
                p.apply(p.exposure().recover(amount));
                t.recoveredAmount += amount;
                return Ledger.Change.of(LedgerKind.TRANCHE_RECOVERED, t, amount, actor, reason, key);
            };
            case APPROVE, DISBURSE -> throw new IllegalArgumentException(action + " is a request with its own rules");
        };
    }

    /** The money-specific part of a change, run with the programme locked and the transition allowed. */
    @FunctionalInterface
    private interface MoneyRule {
        Ledger.Change apply(Programme programme, Tranche tranche, Envelope envelope);
    }

    /** A portal's request: once per Idempotency-Key, and only on the version it names in If-Match, if any. */
    private TrancheView change(UUID programmeId, UUID trancheId, TrancheAction action, Object command, String actor,
            String key, String ifMatch, MoneyRule rule) {
        return idempotency.once(actor, key, List.of(action, programmeId, trancheId, command), TrancheView.class,
                () -> transition(programmeId, trancheId, action, ifMatch, rule));
    }

    private TrancheView transition(UUID programmeId, UUID trancheId, TrancheAction action, String ifMatch,
            MoneyRule rule) {
        Programme p = programmes.lock(programmeId);
        Tranche t = tranches.get(programmeId, trancheId);
        etags.require(ifMatch, TrancheView.of(t));
        Envelope e = envelopes.get(programmeId, t.fiscalYear);
        Programme.Balances before = p.balances();
        Instant now = clock.instant();
        t.transition(action, now);
        record(p, before, rule.apply(p, t, e), t, now);
        return TrancheView.of(t);
    }

    private void record(Programme p, Programme.Balances before, Ledger.Change change, Tranche t, Instant now) {
        LedgerEntry entry = ledger.record(p, before, change, now);
        events.publish(p, t, entry);
    }
}
