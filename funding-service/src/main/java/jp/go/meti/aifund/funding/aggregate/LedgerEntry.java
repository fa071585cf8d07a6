package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.kernel.AuditChain;
import jp.go.meti.aifund.funding.domain.LedgerKind;

/** One append-only row per change of money; the database refuses UPDATE and DELETE on it. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "tranche_id")
    public UUID trancheId;
    @Column(name = "fiscal_year")
    public Integer fiscalYear;
    @Enumerated(EnumType.STRING)
    public LedgerKind kind;
    public long amount;
    public String actor;
    public String reason;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "planned_before")
    public long plannedBefore;
    @Column(name = "planned_after")
    public long plannedAfter;
    @Column(name = "committed_before")
    public long committedBefore;
    @Column(name = "committed_after")
    public long committedAfter;
    @Column(name = "disbursed_before")
    public long disbursedBefore;
    @Column(name = "disbursed_after")
    public long disbursedAfter;
    @Column(name = "recovered_before")
    public long recoveredBefore;
    @Column(name = "recovered_after")
    public long recoveredAfter;
    @Column(name = "previous_hash")
    public String previousHash;
    public String hash;

    protected LedgerEntry() {
    }

    /**
     * The entry of one movement of the programme's money, chained to the programme's previous entry
     * ({@code previousHash}) by its hash.
     */
    public static LedgerEntry of(Programme programme, Programme.Movement m, String actor, String reason,
            String idempotencyKey, Instant at, String previousHash) {
        LedgerEntry e = new LedgerEntry();
        e.programmeId = programme.id;
        e.trancheId = m.tranche() == null ? null : m.tranche().id;
        e.fiscalYear = m.fiscalYear();
        e.kind = m.kind();
        e.amount = m.amount();
        e.actor = actor;
        e.reason = reason;
        e.idempotencyKey = idempotencyKey;
        e.recordedAt = at.truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it, so the hash verifies
        e.plannedBefore = m.before().planned();
        e.plannedAfter = m.after().planned();
        e.committedBefore = m.before().committed();
        e.committedAfter = m.after().committed();
        e.disbursedBefore = m.before().disbursed();
        e.disbursedAfter = m.after().disbursed();
        e.recoveredBefore = m.before().recovered();
        e.recoveredAfter = m.after().recovered();
        e.previousHash = previousHash;
        e.hash = AuditChain.hash(previousHash, e.canonical());
        return e;
    }

    /** The fields the audit chain covers, in a fixed order (everything but the id and the hashes). */
    public String canonical() {
        return AuditChain.canonical(java.util.Arrays.asList(programmeId, trancheId, fiscalYear, kind, amount, actor,
                reason, idempotencyKey, recordedAt, plannedBefore, plannedAfter, committedBefore, committedAfter,
                disbursedBefore, disbursedAfter, recoveredBefore, recoveredAfter));
    }
}
