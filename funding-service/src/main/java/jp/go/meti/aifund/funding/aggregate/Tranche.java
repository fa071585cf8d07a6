package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.funding.domain.TrancheAction;
import jp.go.meti.aifund.funding.domain.TrancheState;

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

    public boolean isApproved() {
        return approvedBy != null;
    }

    /** Moves to the state the life cycle allows after {@code action}, or refuses. */
    public void transition(TrancheAction action, Instant now) {
        TrancheState next = state.after(action, isApproved(), stateBeforeHold);
        stateBeforeHold = next == TrancheState.ON_HOLD ? state : null;
        state = next;
        updatedAt = now;
    }
}
