package jp.go.meti.aifund.funding.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.outbound.TrancheEvents;
import jp.go.meti.aifund.funding.repository.LedgerRepository;
import jp.go.meti.aifund.kernel.AuditChain;

/**
 * Appends one ledger entry per movement of money, with the programme's amounts before and after
 * it, chained to the programme's previous entry by its hash ({@link AuditChain}); a movement of a
 * tranche also writes the tranche's event to the outbox, in the same transaction.
 */
@ApplicationScoped
public class Ledger {

    private final LedgerRepository entries;
    private final TrancheEvents trancheEvents;
    private final Event<CeilingMetrics.Committed> committed;

    public Ledger(LedgerRepository entries, TrancheEvents trancheEvents, Event<CeilingMetrics.Committed> committed) {
        this.entries = entries;
        this.trancheEvents = trancheEvents;
        this.committed = committed;
    }

    /** Who moved the money, why, and under which Idempotency-Key (null for a recorded decision). */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry record(Programme programme, Movement movement, String actor, String reason, String key,
            Instant at) {
        // the previous hash is read under the programme's row lock, which the caller holds
        LedgerEntry e = LedgerEntry.of(programme, movement, actor, reason, key, at, entries.lastHash(programme.id));
        entries.persist(e);
        if (movement.tranche() != null) {
            trancheEvents.publish(programme, movement.tranche(), e);
        }
        committed.fire(new CeilingMetrics.Committed(programme.id, programme.name, programme.ceiling,
                programme.exposure().outstanding()));
        return e;
    }
}
