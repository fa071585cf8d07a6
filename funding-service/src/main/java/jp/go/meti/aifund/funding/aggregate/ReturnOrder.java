package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.funding.domain.StatutoryInterest;

/** An order to return disbursed money by a deadline; settled with its statutory interest. */
@Entity
@Table(name = "return_order")
public class ReturnOrder {

    public static final String OPEN = "OPEN";
    public static final String SETTLED = "SETTLED";

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
    public String state;
    @Column(name = "repaid_on")
    public LocalDate repaidOn;
    public Long interest;
    @Column(name = "late_interest")
    public Long lateInterest;
    @Column(name = "settled_by")
    public String settledBy;
    @Column(name = "settled_at")
    public Instant settledAt;

    public StatutoryInterest interestIfRepaidOn(LocalDate day) {
        return new StatutoryInterest(amount, receivedOn, deadline, day);
    }
}
