package jp.go.meti.aifund.funding.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.kernel.AuditChain;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.repository.LedgerRepository;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Tranche;

/**
 * Appends one ledger entry per change, with the programme's amounts before and after it, chained to
 * the programme's previous entry by its hash ({@link AuditChain}).
 */
@ApplicationScoped
public class Ledger {

    private final LedgerRepository entries;
    private final Event<CeilingMetrics.Committed> committed;

    public Ledger(LedgerRepository entries, Event<CeilingMetrics.Committed> committed) {
        this.entries = entries;
        this.committed = committed;
    }

    /** Who did what, to which tranche (or none), for how much and why. */
    public record Change(LedgerKind kind, Tranche tranche, Integer fiscalYear, long amount,
            String actor, String reason, String idempotencyKey) {

        public static Change of(LedgerKind kind, Tranche tranche, long amount, String actor, String reason, String key) {
            return new Change(kind, tranche, tranche.fiscalYear, amount, actor, reason, key);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry record(Programme programme, Programme.Balances before, Change change, Instant at) {
        Programme.Balances after = programme.balances();
        LedgerEntry e = new LedgerEntry();
        e.programmeId = programme.id;
        e.trancheId = change.tranche() == null ? null : change.tranche().id;
        e.fiscalYear = change.fiscalYear();
        e.kind = change.kind();
        e.amount = change.amount();
        e.actor = change.actor();
        e.reason = change.reason();
        e.idempotencyKey = change.idempotencyKey();
        e.recordedAt = at.truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it, so the hash verifies
        e.plannedBefore = before.planned();
        e.plannedAfter = after.planned();
        e.committedBefore = before.committed();
        e.committedAfter = after.committed();
        e.disbursedBefore = before.disbursed();
        e.disbursedAfter = after.disbursed();
        e.recoveredBefore = before.recovered();
        e.recoveredAfter = after.recovered();
        e.previousHash = entries.lastHash(programme.id); // serialized by the programme's row lock
        e.hash = AuditChain.hash(e.previousHash, e.canonical());
        entries.persist(e);
        committed.fire(new CeilingMetrics.Committed(programme.id, programme.name, programme.ceiling,
                programme.exposure().outstanding()));
        return e;
    }
}
