package jp.go.meti.aifund.funding.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.domain.SharesInForce;
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
        return append(programme, List.of(movement), actor, reason, key, at);
    }

    /**
     * The movements of one recorded decision (a close, a carry-over, the end of a programme), each its
     * entry with the same who and why: the chain's last hash and each year's shares read once, not
     * per entry, so a decision touching hundreds of tranches holds the programme's lock briefly.
     * Returns the last entry (null for none).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry recordAll(Programme programme, List<Movement> movements, String actor, String reason,
            Instant at) {
        return append(programme, movements, actor, reason, null, at);
    }

    private LedgerEntry append(Programme programme, List<Movement> movements, String actor, String reason, String key,
            Instant at) {
        // the previous hash is read under the programme's row lock, which the caller holds
        String previous = entries.lastHash(programme.id);
        Map<Integer, SharesInForce> shares = new HashMap<>();
        LedgerEntry last = null;
        for (Movement m : movements) {
            last = LedgerEntry.of(programme, m, actor, reason, key, at, previous);
            entries.persist(last);
            previous = last.hash;
            if (m.tranche() != null) {
                trancheEvents.publish(programme, m.tranche(), last, shares.computeIfAbsent(m.tranche().fiscalYear,
                        fy -> trancheEvents.sharesOf(programme.id, fy)));
            }
        }
        committed.fire(new CeilingMetrics.Committed(programme.id, programme.name, programme.ceiling,
                programme.exposure().outstanding()));
        return last;
    }
}
