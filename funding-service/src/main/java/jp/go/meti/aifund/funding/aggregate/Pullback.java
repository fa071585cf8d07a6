package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.funding.domain.PullbackDecision;

/** A pullback recommendation received, the tranches it holds, and the ministry decision on it. */
@Entity
public class Pullback {

    public static final String HOLDING = "HOLDING";
    public static final String PROPOSED = "PROPOSED";
    public static final String DECIDED = "DECIDED";

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "review_id")
    public UUID reviewId;
    @Column(name = "reviewed_fiscal_year")
    public int reviewedFiscalYear;
    @Column(name = "affected_fiscal_year")
    public int affectedFiscalYear;
    @Column(name = "score_basis_points")
    public int scoreBasisPoints;
    @Column(name = "planned_amount")
    public long plannedAmount;
    @Column(name = "recommended_reduction")
    public long recommendedReduction;
    @Column(name = "policy_version")
    public String policyVersion;
    /** The recommended split across the members, as received (JSON). */
    public String parts;
    @Column(name = "held_tranche_ids")
    public String heldTrancheIds;
    @Column(name = "received_at")
    public Instant receivedAt;
    public String state;
    @Enumerated(EnumType.STRING)
    public PullbackDecision decision;
    @Column(name = "decision_amount")
    public Long decisionAmount;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public List<UUID> heldTranches() {
        return heldTrancheIds.isEmpty() ? List.of()
                : Arrays.stream(heldTrancheIds.split(",")).map(UUID::fromString).toList();
    }
}
