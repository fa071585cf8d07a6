package jp.go.meti.aifund.milestone.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A programme as funding-service last announced it: written only by its events (see
 * {@code ProgrammeCopyRepository.replace}).
 */
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

    /** For JPA; a copy is made {@link #from} a programme event. */
    protected ProgrammeCopy() {
    }

    private ProgrammeCopy(UUID eventId, UUID programmeId, String name, int firstFiscalYear, int lastFiscalYear,
            long sequence, Instant changedAt, Instant copiedAt) {
        this.eventId = eventId;
        this.programmeId = programmeId;
        this.name = name;
        this.firstFiscalYear = firstFiscalYear;
        this.lastFiscalYear = lastFiscalYear;
        this.sequence = sequence;
        this.changedAt = changedAt;
        this.copiedAt = copiedAt;
    }

    /** The programme as event {@code eventId} carries it (its {@code sequence}th change), copied at {@code copiedAt}. */
    public static ProgrammeCopy from(UUID eventId, UUID programmeId, String name, int firstFiscalYear,
            int lastFiscalYear, long sequence, Instant changedAt, Instant copiedAt) {
        return new ProgrammeCopy(eventId, programmeId, name, firstFiscalYear, lastFiscalYear, sequence, changedAt,
                copiedAt);
    }

    /** The recipient at {@code position} in the event's list of this programme's recipients. */
    public RecipientCopy recipient(int position, UUID recipientId, String name, String role, UUID consortiumId) {
        return new RecipientCopy(recipientId, programmeId, position, name, role, consortiumId);
    }

    public boolean coversFiscalYear(int fiscalYear) {
        return fiscalYear >= firstFiscalYear && fiscalYear <= lastFiscalYear;
    }
}
