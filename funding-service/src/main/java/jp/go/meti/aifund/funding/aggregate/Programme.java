package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.funding.domain.Exposure;

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
    public long recovered;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    /** How many programme events were written for it: the {@code sequence} of the last one (0: none yet). */
    @Column(name = "event_sequence")
    public long eventSequence;

    public Exposure exposure() {
        return new Exposure("the programme ceiling", ceiling, committed, disbursed, recovered);
    }

    public void apply(Exposure exposure) {
        committed = exposure.committed();
        disbursed = exposure.disbursed();
        recovered = exposure.recovered();
    }

    public boolean coversFiscalYear(int fiscalYear) {
        return fiscalYear >= firstFiscalYear && fiscalYear <= lastFiscalYear;
    }

    /** The programme's amounts at this instant, for the before and after of a ledger entry. */
    public Balances balances() {
        return new Balances(planned, committed, disbursed, recovered);
    }

    public record Balances(long planned, long committed, long disbursed, long recovered) {
    }
}
