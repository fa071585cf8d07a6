package jp.go.meti.aifund.milestone.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.scoring.Direction;
import jp.go.meti.aifund.scoring.Kpi;

/** A milestone version. Once a result refers to it, it never changes: an edit makes a new version. */
@Entity
public class Milestone {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public String code;
    public int version;
    public String title;
    public String metric;
    public String unit;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    public BigDecimal target;
    public BigDecimal threshold;
    @Column(name = "weight_basis_points")
    public int weightBasisPoints;
    public boolean critical;
    /** The recipient responsible for it; null when it is the whole consortium's. */
    @Column(name = "recipient_id")
    public UUID recipientId;
    @Column(name = "superseded_by")
    public UUID supersededBy;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public Kpi kpi() {
        return new Kpi(direction, target, threshold);
    }
}
