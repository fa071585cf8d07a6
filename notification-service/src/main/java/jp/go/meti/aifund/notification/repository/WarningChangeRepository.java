package jp.go.meti.aifund.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.notification.aggregate.WarningChange;

/** The warnings' changes in commit order. */
@ApplicationScoped
public class WarningChangeRepository {

    /** Any constant: the key of the advisory lock that orders the changes' positions. */
    private static final long POSITION_LOCK = 0x5741524eL; // "WARN"

    private final EntityManager em;

    public WarningChangeRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Appends a change. The position comes from a sequence, whose values commit in any order; the
     * transaction-scoped advisory lock taken first makes each writer wait until the previous one has
     * committed, so no position ever appears below one a reader has already seen (a client resuming
     * after position N misses nothing). Only transactions that change a warning take it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public WarningChange append(WarningChange change) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, POSITION_LOCK).getSingleResult();
        em.persist(change);
        return change;
    }

    /** The changes after {@code position}, oldest first, of one programme or of all. */
    public List<WarningChange> after(long position, UUID programmeId, int limit) {
        var query = em.createQuery("FROM WarningChange WHERE position > :position"
                + (programmeId == null ? "" : " AND programmeId = :programme") + " ORDER BY position", WarningChange.class)
                .setParameter("position", position).setMaxResults(limit);
        if (programmeId != null) {
            query.setParameter("programme", programmeId);
        }
        return query.getResultList();
    }

    public WarningChange get(long position) {
        return em.find(WarningChange.class, position);
    }
}
