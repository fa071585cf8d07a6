package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.TrancheAction;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.InvalidRequestException;

/**
 * One payment of a fiscal year to a recipient, through its life cycle ({@link TrancheState}). Its
 * money moves only with its envelope and programme, so the {@link Programme} calls these methods.
 */
@Entity
public class Tranche {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Column(name = "recipient_id")
    public UUID recipientId;
    public String description;
    /** The current amount: the original one unless a decision reduced it. */
    public long amount;
    @Column(name = "original_amount")
    public long originalAmount;
    @Column(name = "recovered_amount")
    public long recoveredAmount;
    @Enumerated(EnumType.STRING)
    public TrancheState state;
    @Enumerated(EnumType.STRING)
    @Column(name = "state_before_hold")
    public TrancheState stateBeforeHold;
    /** The fiscal year whose finalized review gates this tranche; null for the first year. */
    @Column(name = "gated_by_review_year")
    public Integer gatedByReviewYear;
    /** The {@link ResultLink} whose result this tranche is paid by; null for an advance (a fixed amount). */
    @Column(name = "result_link_id")
    public UUID resultLinkId;
    @ManyToOne
    @JoinColumn(name = "result_link_id", insertable = false, updatable = false)
    public ResultLink resultLink;
    /** A result-linked tranche whose milestone has no finalized result yet: its amount is the allocation, not approvable. */
    @Column(name = "awaiting_result")
    public boolean awaitingResult;
    /** What decisions (a reduction, a cancellation) took from a result-linked tranche: never earned back by a result. */
    @Column(name = "withdrawn_amount")
    public long withdrawnAmount;
    /** The fiscal year it was planned in, if a carry-over decision moved it to this one. */
    @Column(name = "carried_over_from")
    public Integer carriedOverFrom;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "disbursed_by")
    public String disbursedBy;
    @Column(name = "disbursed_on")
    public LocalDate disbursedOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    protected Tranche() {
    }

    Tranche(UUID programmeId, int fiscalYear, boolean firstYear, UUID recipientId, String description, long amount,
            String requestedBy, Instant at) {
        this.id = UUID.randomUUID();
        this.programmeId = programmeId;
        this.fiscalYear = fiscalYear;
        this.recipientId = recipientId;
        this.description = description;
        this.amount = amount;
        this.originalAmount = amount;
        this.state = TrancheState.PLANNED;
        this.gatedByReviewYear = firstYear ? null : fiscalYear - 1;
        this.requestedBy = requestedBy;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** A tranche of a result-linked allocation: its own result gates it, not the year's review. */
    Tranche(ResultLink link, long amount, boolean awaitingResult, String description, String requestedBy,
            Instant at) {
        this(link.programmeId, link.fiscalYear, true, link.recipientId, description, amount, requestedBy, at);
        this.resultLinkId = link.id;
        this.resultLink = link;
        this.awaitingResult = awaitingResult;
    }

    public boolean isResultLinked() {
        return resultLinkId != null;
    }

    public boolean isApproved() {
        return approvedBy != null;
    }

    /** Not yet held, paid or cancelled: what a pullback recommendation puts on hold. */
    public boolean canBeHeld() {
        return state.isOpen() && state != TrancheState.ON_HOLD;
    }

    /** Refuses an approval by {@code approver} that the life cycle or four eyes forbid; changes nothing. */
    void requireApprovableBy(String approver) {
        allowed(TrancheAction.APPROVE);
        if (awaitingResult) {
            throw ConflictException.of("funding.tranche.awaits-result");
        }
        if (isResultLinked() && amount == 0) {
            throw ConflictException.of("funding.tranche.earned-nothing");
        }
        FourEyes.requireDifferent("this tranche", requestedBy, "requested", approver, "approve");
    }

    void approve(String approver, Instant at) {
        requireApprovableBy(approver);
        moveTo(allowed(TrancheAction.APPROVE), at);
        approvedBy = approver;
    }

    /**
     * @param paidOn the day the money was paid, a Japanese calendar day (statutory interest counts
     *               from it): today unless stated, not in the future, not before its fiscal year began
     */
    void disburse(String actor, LocalDate paidOn, LocalDate today, Instant at) {
        TrancheState next = allowed(TrancheAction.DISBURSE);
        FourEyes.requireDifferent("this tranche", approvedBy, "approved", actor, "disburse");
        LocalDate day = paidOn == null ? today : paidOn;
        if (day.isAfter(today)) {
            throw new InvalidRequestException("disbursedOn", new Text("funding.tranche.paid-later", today));
        }
        if (day.isBefore(FiscalYear.firstDay(fiscalYear))) {
            throw new InvalidRequestException("disbursedOn", new Text("funding.tranche.paid-before", Text.fiscalYear(fiscalYear),
                    FiscalYear.firstDay(fiscalYear)));
        }
        moveTo(next, at);
        disbursedBy = actor;
        disbursedOn = day;
    }

    /** An approved, unpaid tranche moved to the next fiscal year by a carry-over decision. */
    void carryOver(Instant at) {
        if (!isApproved() || !state.isOpen()) {
            throw ConflictException.of(isApproved() ? "funding.carry-over.tranche-paid" : "funding.carry-over.tranche-unapproved",
                    id, new Text.Noun("funding", "state." + state.name()));
        }
        carriedOverFrom = carriedOverFrom == null ? fiscalYear : carriedOverFrom;
        fiscalYear += 1;
        updatedAt = at;
    }

    void hold(Instant at) {
        moveTo(allowed(TrancheAction.HOLD), at);
    }

    void release(Instant at) {
        moveTo(allowed(TrancheAction.RELEASE), at);
    }

    /** Lowers the amount; returns by how much. */
    long reduce(long newAmount, Instant at) {
        TrancheState next = allowed(TrancheAction.REDUCE);
        if (newAmount >= amount) {
            throw new InvalidRequestException("newAmount", new Text("funding.tranche.not-less", Text.yen(amount)));
        }
        long difference = amount - newAmount;
        moveTo(next, at);
        amount = newAmount;
        withdraw(difference);
        return difference;
    }

    void cancel(Instant at) {
        moveTo(allowed(TrancheAction.CANCEL), at);
        withdraw(amount);
    }

    /**
     * An upheld objection gives back {@code yen} a decision took ({@code taken}: how): the whole amount of
     * a tranche it cancelled (which kept it), the cut of one it reduced. Refused when the tranche has
     * moved on since in a way the objection does not undo: a reduced tranche cancelled, held or paid since,
     * a cancelled one that no longer holds what was cancelled.
     */
    void reinstate(LedgerKind taken, long yen, Instant at) {
        TrancheState next = allowed(TrancheAction.REINSTATE);
        boolean cancelled = taken == LedgerKind.TRANCHE_CANCELLED;
        long restored = cancelled ? amount : amount + yen;
        if (cancelled != (state == TrancheState.CANCELLED) || (cancelled && yen != amount) || restored > originalAmount) {
            throw ConflictException.of("funding.tranche.moved-on", id, new Text.Noun("funding", "state." + state.name()),
                    Text.yen(amount), Text.yen(yen));
        }
        moveTo(next, at);
        amount = restored;
        if (isResultLinked()) {
            withdrawnAmount -= yen;
        }
    }

    /**
     * A result fixed (or an amendment re-fixed) what this result-linked tranche may be paid; its state
     * stays. Approved money is only ever lowered here (a raise is a new tranche: never paid twice).
     */
    void settle(long newAmount, boolean stillAwaiting, Instant at) {
        if (!state.isOpen() || (isApproved() && newAmount > amount)) {
            throw new IllegalStateException("tranche " + id + " (" + state + ") cannot be settled at ¥" + newAmount);
        }
        amount = newAmount;
        awaitingResult = stillAwaiting;
        updatedAt = at;
    }

    private void withdraw(long yen) {
        if (isResultLinked()) {
            withdrawnAmount += yen;
        }
    }

    void recover(long yen, Instant at) {
        TrancheState next = allowed(TrancheAction.RECOVER);
        long recoverable = amount - recoveredAmount;
        if (yen > recoverable) {
            throw new InvalidRequestException("amount", new Text("funding.tranche.recoverable", Text.yen(recoverable)));
        }
        moveTo(next, at);
        recoveredAmount += yen;
    }

    /** The state the life cycle allows after {@code action}, or a refusal naming why; changes nothing. */
    private TrancheState allowed(TrancheAction action) {
        return state.after(action, isApproved(), stateBeforeHold);
    }

    /** Every refusal is raised before this: a refused change leaves the tranche as it was. */
    private void moveTo(TrancheState next, Instant at) {
        stateBeforeHold = next == TrancheState.ON_HOLD ? state : null;
        state = next;
        updatedAt = at;
    }
}
