package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.funding.domain.Exposure;
import jp.go.meti.aifund.funding.domain.Gate;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.LimitExceededException;
import jp.go.meti.aifund.funding.domain.Money;
import jp.go.meti.aifund.funding.domain.PaymentRule;
import jp.go.meti.aifund.funding.domain.ProgrammeState;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.InvalidRequestException;

/**
 * The aggregate that keeps the money: the programme's ceiling, its fiscal-year {@link Envelope}s
 * and its {@link Tranche}s. Every movement of money goes through one of its methods, which checks
 * the life cycle, four eyes, the gate and the cumulative totals against the envelope and the
 * ceiling, moves the envelope and the programme together, and returns the {@link Movement} for the
 * ledger. The caller holds the programme's row locked.
 */
@Entity
public class Programme {

    @Id
    public UUID id;
    public String name;
    public long ceiling;
    @Column(name = "first_fiscal_year")
    public int firstFiscalYear;
    @Column(name = "last_fiscal_year")
    public int lastFiscalYear;
    @Column(name = "commissioning_ministry")
    public String commissioningMinistry;
    @Column(name = "executing_agency")
    public String executingAgency;
    /** Sum of the fiscal-year envelopes. */
    public long planned;
    public long committed;
    public long disbursed;
    /** Paid money the recipients returned: it went to the treasury (国庫返納). */
    public long recovered;
    /** Of {@code recovered}, what confirmed decisions re-appropriated into envelopes: spendable again. */
    public long reappropriated;
    @Enumerated(EnumType.STRING)
    public ProgrammeState state;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "end_reason")
    public String endReason;
    /** The days its recipients have to answer the notice of an adverse proposal (弁明の機会). */
    @Column(name = "hearing_days")
    public int hearingDays;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    /** How many programme events were written for it: the {@code sequence} of the last one (0: none yet). */
    @Column(name = "event_sequence")
    public long eventSequence;

    protected Programme() {
    }

    /** The programme's amounts at an instant, for the before and after of a ledger entry. */
    public record Balances(long planned, long committed, long disbursed, long recovered) {
    }

    /** What a change did to the money: the ledger entry's kind, subject, amount, and the balances around it. */
    public record Movement(LedgerKind kind, Tranche tranche, Integer fiscalYear, long amount, Balances before,
            Balances after) {
    }

    /** The time to answer an adverse proposal unless the programme sets another. */
    public static final int DEFAULT_HEARING_DAYS = 14;

    public static Programme create(String name, long ceiling, int firstFiscalYear, int lastFiscalYear,
            String commissioningMinistry, String executingAgency, String actor, Instant at) {
        if (lastFiscalYear < firstFiscalYear) {
            throw new InvalidRequestException("lastFiscalYear", new Text("funding.programme.years-reversed"));
        }
        Programme p = new Programme();
        p.id = UUID.randomUUID();
        p.name = name;
        p.ceiling = ceiling;
        p.firstFiscalYear = firstFiscalYear;
        p.lastFiscalYear = lastFiscalYear;
        p.commissioningMinistry = commissioningMinistry;
        p.executingAgency = executingAgency;
        p.createdBy = actor;
        p.createdAt = at;
        p.state = ProgrammeState.ACTIVE;
        p.hearingDays = DEFAULT_HEARING_DAYS;
        return p;
    }

    /** Sets the days the recipients have to answer the notice of an adverse proposal (1–90). */
    public void allowDaysToAnswer(int days) {
        if (days < 1 || days > 90) {
            throw new InvalidRequestException("hearingDays", new Text("funding.programme.hearing-days"));
        }
        hearingDays = days;
    }

    public Movement created() {
        return new Movement(LedgerKind.PROGRAMME_CREATED, null, null, ceiling, balances(), balances());
    }

    public Exposure exposure() {
        return new Exposure(new Text("funding.limit.ceiling"), ceiling, committed, disbursed, recovered, reappropriated);
    }

    /** Returned money that stays with the treasury: not spendable unless a decision re-appropriates it. */
    public long returnedToTreasury() {
        return recovered - reappropriated;
    }

    public boolean isActive() {
        return state == ProgrammeState.ACTIVE;
    }

    /**
     * Whether the final settlement may run now: the last fiscal year has ended and no approved tranche
     * is unpaid ({@code open}: the programme's open tranches), so ending the programme takes from the
     * recipient nothing it was entitled to.
     */
    public boolean isSettleable(LocalDate today, List<Tranche> open) {
        return today.isAfter(jp.go.meti.aifund.kernel.FiscalYear.lastDay(lastFiscalYear))
                && open.stream().noneMatch(Tranche::isApproved);
    }

    /** Only an active programme moves money; an ended one settles its return orders and nothing else. */
    public void requireActive() {
        if (!isActive()) {
            throw ConflictException.of("funding.programme.ended", new Text.Noun("funding", "programme." + state.name()),
                    endedAt, endReason);
        }
    }

    public Balances balances() {
        return new Balances(planned, committed, disbursed, recovered);
    }

    public void requireWithin(int fiscalYear, String field) {
        if (fiscalYear < firstFiscalYear || fiscalYear > lastFiscalYear) {
            throw new InvalidRequestException(field, new Text("funding.programme.outside", Text.fiscalYear(fiscalYear),
                    Text.fiscalYear(firstFiscalYear), Text.fiscalYear(lastFiscalYear)));
        }
    }

    /** A fiscal year not planned yet, gated unless it is the first. */
    public Envelope newEnvelope(int fiscalYear) {
        requireWithin(fiscalYear, "fiscalYear");
        return new Envelope(id, fiscalYear, Gate.initial(fiscalYear, firstFiscalYear));
    }

    /** Sets a year's planned amount; the envelopes together stay within the ceiling. */
    public Movement plan(Envelope envelope, long amount) {
        requireActive();
        envelope.requireOpen();
        long plannedWithoutThisYear = planned - envelope.amount;
        if (amount > ceiling + reappropriated - plannedWithoutThisYear) {
            throw new LimitExceededException(new Text("funding.limit.ceiling-envelopes"), ceiling,
                    plannedWithoutThisYear - reappropriated, amount);
        }
        Balances before = balances();
        envelope.planned(amount);
        planned = plannedWithoutThisYear + amount;
        return new Movement(LedgerKind.ENVELOPE_SET, null, envelope.fiscalYear, amount, before, balances());
    }

    /** A recorded ministry decision opens a year's gate without a passed review; empty if it was open. */
    public Optional<Movement> overrideGate(Envelope envelope, String reason, String actor, Instant at) {
        requireActive();
        if (!envelope.override(reason, actor, at)) {
            return Optional.empty();
        }
        return Optional.of(new Movement(LedgerKind.GATE_OVERRIDDEN, null, envelope.fiscalYear, 0,
                balances(), balances()));
    }

    /** Planning reserves nothing: a programme may plan more than it can fund; the approval commits. */
    public Tranche planTranche(Envelope envelope, UUID recipientId, String description, long amount, String actor,
            Instant at) {
        requireActive();
        envelope.requireOpen();
        return new Tranche(id, envelope.fiscalYear, envelope.fiscalYear == firstFiscalYear, recipientId, description,
                amount, actor, at);
    }

    /**
     * A result-linked tranche: its allocation follows the result of milestone {@code m} (see {@link
     * ResultLink#plan} for what is refused). It awaits that result.
     */
    public ResultLinked planResultLinked(Envelope envelope, UUID recipientId, String description, long allocation,
            ResultLink.MilestoneRef m, PaymentRule rule, Integer rollOverUntil, String actor, Instant at) {
        requireActive();
        envelope.requireOpen();
        ResultLink link = ResultLink.plan(this, envelope.fiscalYear, recipientId, m, rule, rollOverUntil, allocation, at);
        return new ResultLinked(new Tranche(link, allocation, true, description, actor, at), link);
    }

    public record ResultLinked(Tranche tranche, ResultLink link) {
    }

    public Movement planned(Tranche t) {
        return new Movement(LedgerKind.TRANCHE_PLANNED, t, t.fiscalYear, t.amount, balances(), balances());
    }

    /** Commits the tranche's money: where the envelope and the ceiling bite. Refused, it changes nothing. */
    public Movement approve(Tranche t, Envelope e, String approver, Instant at) {
        Balances before = balances();
        requireActive();
        e.requireOpen();
        t.requireApprovableBy(approver);
        if (!t.isResultLinked()) { // a result-linked tranche is gated by its own result
            e.requireGateOpen();
        }
        Exposure envelopeAfter = e.exposure().commit(t.amount);
        Exposure programmeAfter = exposure().commit(t.amount);
        t.approve(approver, at);
        e.apply(envelopeAfter);
        apply(programmeAfter);
        return moved(LedgerKind.TRANCHE_APPROVED, t, t.amount, before);
    }

    public Movement disburse(Tranche t, Envelope e, String actor, LocalDate paidOn, LocalDate today, Instant at) {
        Balances before = balances();
        requireActive();
        e.requireOpen();
        t.disburse(actor, paidOn, today, at);
        e.apply(e.exposure().disburse(t.amount));
        apply(exposure().disburse(t.amount));
        return moved(LedgerKind.TRANCHE_DISBURSED, t, t.amount, before);
    }

    /** Holds the tranche: approved money stays committed until a decision ends the hold. */
    public Movement hold(Tranche t, Instant at) {
        Balances before = balances();
        t.hold(at);
        return moved(LedgerKind.TRANCHE_HELD, t, 0, before);
    }

    public Movement release(Tranche t, Instant at) {
        Balances before = balances();
        t.release(at);
        return moved(LedgerKind.TRANCHE_RELEASED, t, 0, before);
    }

    /** Lowers the amount; if it was committed, the difference returns to the headroom. */
    public Movement reduce(Tranche t, Envelope e, long newAmount, Instant at) {
        Balances before = balances();
        long difference = t.reduce(newAmount, at);
        if (t.isApproved()) {
            releaseCommitment(e, difference);
        }
        return moved(LedgerKind.TRANCHE_REDUCED, t, difference, before);
    }

    public Movement cancel(Tranche t, Envelope e, Instant at) {
        Balances before = balances();
        t.cancel(at);
        if (t.isApproved()) {
            releaseCommitment(e, t.amount);
        }
        return moved(LedgerKind.TRANCHE_CANCELLED, t, t.amount, before);
    }

    /**
     * An upheld objection gives back {@code yen} a decision took from the tranche ({@code taken}: by
     * reducing or cancelling it): approved money is
     * committed again, where the envelope and the ceiling bite (refused, it changes nothing).
     */
    public Movement reinstate(Tranche t, Envelope e, LedgerKind taken, long yen, Instant at) {
        Balances before = balances();
        requireActive();
        e.requireOpen();
        if (t.isApproved()) {
            Exposure envelopeAfter = e.exposure().commit(yen);
            Exposure programmeAfter = exposure().commit(yen);
            t.reinstate(taken, yen, at);
            e.apply(envelopeAfter);
            apply(programmeAfter);
        } else {
            t.reinstate(taken, yen, at);
        }
        return moved(LedgerKind.TRANCHE_REINSTATED, t, yen, before);
    }

    /**
     * Disbursed money returned by the recipient: it goes to the treasury (国庫返納), not back to the
     * headroom; also after the programme ended (the settlement of a return order).
     */
    public Movement recover(Tranche t, Envelope e, long amount, Instant at) {
        Balances before = balances();
        t.recover(amount, at);
        e.apply(e.exposure().recover(amount));
        apply(exposure().recover(amount));
        return moved(LedgerKind.TRANCHE_RECOVERED, t, amount, before);
    }

    /**
     * A result fixed what a result-linked tranche may be paid (see {@link Settlement}): lowering an
     * approved one returns the difference of its commitment to the headroom.
     */
    Movement settle(Tranche t, Envelope e, long newAmount, boolean stillAwaiting, Instant at) {
        Balances before = balances();
        long lowered = t.amount - newAmount;
        t.settle(newAmount, stillAwaiting, at);
        if (t.isApproved() && lowered > 0) {
            releaseCommitment(e, lowered);
        }
        return moved(LedgerKind.TRANCHE_EARNED, t, newAmount, before);
    }

    /** Records yen of a result-linked allocation that moved without moving the programme's totals. */
    Movement rolledOver(Tranche t, long yen) {
        return moved(LedgerKind.TRANCHE_ROLLED_OVER, t, yen, balances());
    }

    Movement lapsed(Tranche t, long yen) {
        return moved(LedgerKind.TRANCHE_LAPSED, t, yen, balances());
    }

    Movement overpaid(Tranche t, long yen) {
        return moved(LedgerKind.TRANCHE_OVERPAID, t, yen, balances());
    }

    /**
     * A confirmed carry-over decision (繰越): {@code amount} of the year's uncommitted money and the
     * named approved, unpaid tranches (their commitment with them) move to the next year's envelope.
     * Never more than the year's unspent money; neither year closed. Refused, it changes nothing.
     */
    public List<Movement> carryOver(Envelope from, Envelope to, long amount, List<Tranche> tranches, Instant at) {
        requireCarryOver(from, to, amount, tranches);
        Balances before = balances();
        long committedPart = tranches.stream().mapToLong(t -> t.amount).sum();
        from.carryOut(amount + committedPart, committedPart);
        to.carryIn(amount + committedPart, committedPart);
        List<Movement> movements = new java.util.ArrayList<>();
        movements.add(new Movement(LedgerKind.CARRIED_OVER, null, from.fiscalYear, amount + committedPart, before,
                balances()));
        for (Tranche t : tranches) {
            Balances beforeTranche = balances();
            t.carryOver(at);
            movements.add(moved(LedgerKind.TRANCHE_CARRIED_OVER, t, t.amount, beforeTranche));
        }
        return movements;
    }

    /** What {@link #carryOver} refuses, checked without changing anything (also when it is proposed). */
    public void requireCarryOver(Envelope from, Envelope to, long amount, List<Tranche> tranches) {
        requireActive();
        from.requireOpen();
        if (to == null || to.fiscalYear != from.fiscalYear + 1) {
            throw from.fiscalYear >= lastFiscalYear
                    ? ConflictException.of("funding.carry-over.last-year", Text.fiscalYear(from.fiscalYear))
                    : ConflictException.of("funding.carry-over.no-envelope", Text.fiscalYear(from.fiscalYear + 1));
        }
        to.requireOpen();
        if (amount > from.exposure().headroom()) {
            throw new LimitExceededException(new Text("funding.limit.uncommitted", Text.fiscalYear(from.fiscalYear)),
                    from.amount, from.exposure().outstanding(), amount);
        }
        for (Tranche t : tranches) {
            if (t.fiscalYear != from.fiscalYear || !t.isApproved() || !t.state.isOpen()) {
                throw ConflictException.of("funding.carry-over.not-open", t.id, Text.fiscalYear(from.fiscalYear),
                        new Text.Noun("funding", "state." + t.state.name()), Text.fiscalYear(t.fiscalYear));
            }
        }
    }

    /**
     * Closes a fiscal year after its 31 March: its unapproved tranches ({@code open}, every open one of
     * the year) are cancelled and what is neither committed nor carried over lapses (不用). Refused,
     * changing nothing, while an approved tranche is unpaid (it needs a carry-over decision) or a
     * carry-over of the year awaits its decision ({@code pending}).
     */
    public List<Movement> close(Envelope e, List<Tranche> open, boolean pending, java.time.LocalDate today,
            String actor, Instant at) {
        requireClosable(e, open, pending, today);
        List<Movement> movements = new java.util.ArrayList<>();
        for (Tranche t : open) {
            movements.add(cancel(t, e, at));
        }
        Balances before = balances();
        long lapsed = e.close(actor, at);
        planned -= lapsed;
        movements.add(new Movement(LedgerKind.YEAR_CLOSED, null, e.fiscalYear, lapsed, before, balances()));
        return movements;
    }

    public void requireClosable(Envelope e, List<Tranche> open, boolean pending, java.time.LocalDate today) {
        e.requireOpen();
        if (!today.isAfter(jp.go.meti.aifund.kernel.FiscalYear.lastDay(e.fiscalYear))) {
            throw ConflictException.of("funding.close.too-early", Text.fiscalYear(e.fiscalYear),
                    jp.go.meti.aifund.kernel.FiscalYear.lastDay(e.fiscalYear));
        }
        if (pending) {
            throw ConflictException.of("funding.close.carry-over-pending", Text.fiscalYear(e.fiscalYear));
        }
        List<UUID> unpaid = open.stream().filter(Tranche::isApproved).map(t -> t.id).toList();
        if (!unpaid.isEmpty()) {
            throw ConflictException.of("funding.close.unpaid", Text.fiscalYear(e.fiscalYear), new Text.Items(unpaid));
        }
    }

    /**
     * A confirmed ceiling amendment (a supplementary budget or a cut): never below the money outstanding,
     * nor below the envelopes planned together (lower them first).
     */
    public Movement amendCeiling(long newCeiling) {
        requireCeiling(newCeiling);
        Balances before = balances();
        ceiling = newCeiling;
        return new Movement(LedgerKind.CEILING_AMENDED, null, null, newCeiling, before, balances());
    }

    public void requireCeiling(long newCeiling) {
        requireActive();
        exposure().withLimit(newCeiling); // refuses a ceiling below the outstanding money
        if (newCeiling < planned - reappropriated) {
            throw ConflictException.of("funding.ceiling.below-envelopes", Text.yen(newCeiling),
                    Text.yen(planned - reappropriated));
        }
    }

    /**
     * A confirmed re-appropriation: {@code amount} of the money returned to the treasury becomes
     * spendable again in the envelope of an open year (its budget grows by it). Never more than was
     * returned and not re-appropriated yet, so the ceiling still holds everything paid and committed.
     */
    public Movement reappropriate(Envelope e, long amount) {
        requireReappropriation(e, amount);
        Balances before = balances();
        e.reappropriate(amount);
        planned += amount;
        reappropriated += amount;
        return new Movement(LedgerKind.REAPPROPRIATED, null, e.fiscalYear, amount, before, balances());
    }

    public void requireReappropriation(Envelope e, long amount) {
        requireActive();
        Money.requirePositive(amount, "amount");
        e.requireOpen();
        if (amount > returnedToTreasury()) {
            throw ConflictException.of("funding.reappropriation.exceeds", Text.yen(amount), Text.yen(returnedToTreasury()),
                    Text.yen(recovered), Text.yen(reappropriated));
        }
    }

    /**
     * Ends the programme ({@code CLOSED} by its final settlement, {@code TERMINATED} by a decision):
     * its open tranches are cancelled (approved money released), each year not closed yet closes and
     * what is left of it lapses, and no money moves afterwards save return orders' settlements.
     */
    public List<Movement> end(ProgrammeState to, List<Envelope> envelopes, List<Tranche> open, String actor,
            String reason, Instant at) {
        requireActive();
        if (to == ProgrammeState.ACTIVE) {
            throw new IllegalArgumentException("a programme ends CLOSED or TERMINATED");
        }
        java.util.Map<Integer, Envelope> byYear = new java.util.HashMap<>();
        envelopes.forEach(e -> byYear.put(e.fiscalYear, e));
        List<Movement> movements = new java.util.ArrayList<>();
        for (Tranche t : open) {
            movements.add(cancel(t, byYear.get(t.fiscalYear), at));
        }
        long lapsedByTheEnd = 0;
        for (Envelope e : envelopes) {
            if (!e.isClosed()) {
                Balances before = balances();
                long lapsed = e.close(actor, at);
                planned -= lapsed;
                lapsedByTheEnd += lapsed;
                movements.add(new Movement(LedgerKind.YEAR_CLOSED, null, e.fiscalYear, lapsed, before, balances()));
            }
        }
        state = to;
        endedAt = at;
        endedBy = actor;
        endReason = reason;
        movements.add(new Movement(to == ProgrammeState.CLOSED ? LedgerKind.PROGRAMME_CLOSED
                : LedgerKind.PROGRAMME_TERMINATED, null, null, lapsedByTheEnd, balances(), balances()));
        return movements;
    }

    /**
     * An upheld objection reverses the termination ({@code terminationRecord}: how its reason begins; only
     * the termination that ended the programme, once): each year it closed is open again with what it
     * lapsed ({@code lapsedByYear}, from its ledger entries) as budget again, within the ceiling, and the
     * programme is active again; the caller then gives back the tranches it cancelled.
     */
    public List<Movement> resume(List<Envelope> envelopes, java.util.Map<Integer, Long> lapsedByYear,
            String terminationRecord) {
        if (state != ProgrammeState.TERMINATED || !endReason.startsWith(terminationRecord)) {
            throw ConflictException.of("funding.programme.not-terminated", new Text.Noun("funding",
                    "programme." + state.name()));
        }
        List<Movement> movements = new java.util.ArrayList<>();
        long reopened = 0;
        for (Envelope e : envelopes) {
            Long yen = lapsedByYear.get(e.fiscalYear);
            if (yen != null && e.isClosed()) {
                Balances before = balances();
                if (planned + yen > ceiling + reappropriated) { // cannot happen: the ceiling has not moved since
                    throw new LimitExceededException(new Text("funding.limit.ceiling-envelopes"), ceiling,
                            planned - reappropriated, yen);
                }
                e.reopen(yen);
                planned += yen;
                reopened += yen;
                movements.add(new Movement(LedgerKind.YEAR_REOPENED, null, e.fiscalYear, yen, before, balances()));
            }
        }
        state = ProgrammeState.ACTIVE;
        endedAt = null;
        endedBy = null;
        endReason = null;
        movements.add(new Movement(LedgerKind.PROGRAMME_RESUMED, null, null, reopened, balances(), balances()));
        return movements;
    }

    /** Counts the programme event about to be written: its {@code sequence}. */
    public long nextEventSequence() {
        return ++eventSequence;
    }

    private void releaseCommitment(Envelope e, long amount) {
        e.apply(e.exposure().releaseCommitment(amount));
        apply(exposure().releaseCommitment(amount));
    }

    private void apply(Exposure exposure) {
        committed = exposure.committed();
        disbursed = exposure.disbursed();
        recovered = exposure.recovered();
    }

    private Movement moved(LedgerKind kind, Tranche t, long amount, Balances before) {
        return new Movement(kind, t, t.fiscalYear, amount, before, balances());
    }
}
