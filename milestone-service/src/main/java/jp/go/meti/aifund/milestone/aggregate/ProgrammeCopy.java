package jp.go.meti.aifund.milestone.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A programme as funding-service last announced it: written only by its events (see {@link ProgrammeCopyRepository#replace}). */
@Entity
@Table(name = "programme_copy")
public class ProgrammeCopy {

    @Id
    @Column(name = "programme_id")
    public UUID programmeId;
    public String name;
    @Column(name = "first_fiscal_year")
    public int firstFiscalYear;
    @Column(name = "last_fiscal_year")
    public int lastFiscalYear;
    public long sequence;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "copied_at")
    public Instant copiedAt;

    public boolean coversFiscalYear(int fiscalYear) {
        return fiscalYear >= firstFiscalYear && fiscalYear <= lastFiscalYear;
    }
}
