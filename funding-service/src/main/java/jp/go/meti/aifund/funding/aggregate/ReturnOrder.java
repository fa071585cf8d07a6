package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.funding.domain.ReturnOrderState;
import jp.go.meti.aifund.funding.domain.StatutoryInterest;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.InvalidRequestException;

/** An order to return disbursed money by a deadline; settled with its statutory interest. */
@Entity
@Table(name = "return_order")
public class ReturnOrder {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "tranche_id")
    public UUID trancheId;
    public long amount;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    public LocalDate deadline;
    public String reason;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Enumerated(EnumType.STRING)
    public ReturnOrderState state;
    @Column(name = "repaid_on")
    public LocalDate repaidOn;
    public Long interest;
    /** Whether interest from receipt (加算金) is owed: a cancellation's return, not a final settlement's excess. */
    @Column(name = "interest_from_receipt")
    public boolean interestFromReceipt;
    @Column(name = "late_interest")
    public Long lateInterest;
    @Column(name = "settled_by")
    public String settledBy;
    @Column(name = "settled_at")
    public Instant settledAt;
    /** Annulled by an upheld objection to the decision that ordered it, while it was open. */
    @Column(name = "annulled_by")
    public String annulledBy;
    @Column(name = "annulled_at")
    public Instant annulledAt;

    protected ReturnOrder() {
    }

    /**
     * Orders back disbursed money of {@code t}, never more than what is neither recovered nor already
     * ordered back by the orders still open ({@code openOrders}).
     */
    public static ReturnOrder issue(Tranche t, long amount, long openOrders, LocalDate deadline, String reason,
            String actor, Instant at) {
        return issue(t, amount, openOrders, deadline, true, reason, actor, at);
    }

    /** {@code fromReceipt}: interest from receipt is owed (a cancellation's return) or not (a final settlement's excess). */
    public static ReturnOrder issue(Tranche t, long amount, long openOrders, LocalDate deadline, boolean fromReceipt,
            String reason, String actor, Instant at) {
        if (t.state != TrancheState.DISBURSED && t.state != TrancheState.RECOVERED) {
            throw ConflictException.of("funding.return.not-disbursed", new Text.Noun("funding", "state." + t.state.name()));
        }
        long outstanding = t.amount - t.recoveredAmount - openOrders;
        if (amount > outstanding) {
            throw new InvalidRequestException("amount", new Text("funding.return.exceeds", Text.yen(outstanding)));
        }
        ReturnOrder o = new ReturnOrder();
        o.id = UUID.randomUUID();
        o.programmeId = t.programmeId;
        o.trancheId = t.id;
        o.amount = amount;
        o.receivedOn = t.disbursedOn;
        o.deadline = deadline;
        o.reason = reason.strip();
        o.issuedBy = actor;
        o.issuedAt = at;
        o.state = ReturnOrderState.OPEN;
        o.interestFromReceipt = fromReceipt;
        o.interestIfRepaidOn(deadline); // refuses a deadline before the money was received
        return o;
    }

    public boolean isOpen() {
        return state == ReturnOrderState.OPEN;
    }

    public StatutoryInterest interestIfRepaidOn(LocalDate day) {
        return new StatutoryInterest(amount, receivedOn, deadline, day, interestFromReceipt);
    }

    /** Records the repayment on {@code repaidOn} (not after {@code today}) and the interest owed to that day. */
    public StatutoryInterest settle(LocalDate repaidOn, LocalDate today, String actor, Instant at) {
        if (!isOpen()) {
            throw ConflictException.of("funding.return.settled", id, new Text.Noun("funding", "return." + state.name()));
        }
        if (repaidOn.isAfter(today)) {
            throw new InvalidRequestException("repaidOn", new Text("funding.in-the-future"));
        }
        StatutoryInterest owed = interestIfRepaidOn(repaidOn);
        state = ReturnOrderState.SETTLED;
        this.repaidOn = repaidOn;
        interest = owed.interest();
        lateInterest = owed.lateInterest();
        settledBy = actor;
        settledAt = at;
        return owed;
    }

    /** An upheld objection annuls the order while it is open: nothing is owed, no interest either. */
    public void annul(String actor, Instant at) {
        requireAnnullable();
        state = ReturnOrderState.ANNULLED;
        annulledBy = actor;
        annulledAt = at;
    }

    /** Refuses to annul an order repaid already (a refund is the ministry's, in writing) or annulled. */
    public void requireAnnullable() {
        if (!isOpen()) {
            throw ConflictException.of("funding.return.not-annullable", id, new Text.Noun("funding", "return." + state.name()),
                    repaidOn);
        }
    }

    /** The ledger's record of the repayment. */
    public String repaymentRecord(StatutoryInterest owed) {
        return String.format("return order %s repaid on %s: ¥%,d, with interest ¥%,d (%d days) and late interest ¥%,d "
                + "(%d days) at 10.95 %% a year; %s", id, repaidOn, amount, interest, owed.interestDays(), lateInterest,
                owed.lateDays(), reason);
    }
}
