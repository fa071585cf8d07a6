package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.funding.domain.Exposure;
import jp.go.meti.aifund.funding.domain.Gate;

/** The planned amount of one fiscal year, the money held against it, and the gate of its tranches. */
@Entity
@Table(name = "fiscal_year_envelope")
public class Envelope {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public long amount;
    public long committed;
    public long disbursed;
    public long recovered;
    @Enumerated(EnumType.STRING)
    public Gate gate;
    @Column(name = "gate_reason")
    public String gateReason;
    @Column(name = "gate_set_by")
    public String gateSetBy;
    @Column(name = "gate_set_at")
    public Instant gateSetAt;

    public Exposure exposure() {
        return new Exposure("the FY" + fiscalYear + " envelope", amount, committed, disbursed, recovered);
    }

    public void apply(Exposure exposure) {
        amount = exposure.limit();
        committed = exposure.committed();
        disbursed = exposure.disbursed();
        recovered = exposure.recovered();
    }
}
