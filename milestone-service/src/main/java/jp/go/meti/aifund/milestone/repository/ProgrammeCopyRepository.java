package jp.go.meti.aifund.milestone.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jp.go.meti.aifund.milestone.aggregate.ProgrammeCopy;
import jp.go.meti.aifund.milestone.aggregate.RecipientCopy;

/** The copy of funding-service's programmes and their recipients. */
@ApplicationScoped
public class ProgrammeCopyRepository implements PanacheRepositoryBase<ProgrammeCopy, UUID> {

    public Optional<ProgrammeCopy> find(UUID programmeId) {
        return findByIdOptional(programmeId);
    }

    public List<RecipientCopy> recipients(UUID programmeId) {
        return getEntityManager().createQuery("FROM RecipientCopy WHERE programmeId = ?1 ORDER BY position",
                RecipientCopy.class).setParameter(1, programmeId).getResultList();
    }

    public Optional<RecipientCopy> recipient(UUID recipientId) {
        return Optional.ofNullable(getEntityManager().find(RecipientCopy.class, recipientId));
    }

    /**
     * Replaces the copy of a programme by a snapshot, unless the copy already holds this sequence or a
     * later one: in one statement, so two deliveries racing on another instance cannot both win.
     * Returns whether the snapshot was applied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replace(ProgrammeCopy snapshot, List<RecipientCopy> recipients) {
        EntityManager em = getEntityManager();
        int applied = em.createNativeQuery("INSERT INTO programme_copy (programme_id, name, first_fiscal_year, "
                + "last_fiscal_year, sequence, changed_at, event_id, copied_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                + "ON CONFLICT (programme_id) DO UPDATE SET name = EXCLUDED.name, "
                + "first_fiscal_year = EXCLUDED.first_fiscal_year, last_fiscal_year = EXCLUDED.last_fiscal_year, "
                + "sequence = EXCLUDED.sequence, changed_at = EXCLUDED.changed_at, event_id = EXCLUDED.event_id, "
                + "copied_at = EXCLUDED.copied_at WHERE programme_copy.sequence < EXCLUDED.sequence")
                .setParameter(1, snapshot.programmeId).setParameter(2, snapshot.name)
                .setParameter(3, snapshot.firstFiscalYear).setParameter(4, snapshot.lastFiscalYear)
                .setParameter(5, snapshot.sequence).setParameter(6, snapshot.changedAt)
                .setParameter(7, snapshot.eventId).setParameter(8, snapshot.copiedAt).executeUpdate();
        if (applied == 0) {
            return false;
        }
        em.createNativeQuery("DELETE FROM recipient_copy WHERE programme_id = ?1")
                .setParameter(1, snapshot.programmeId).executeUpdate();
        recipients.forEach(em::persist);
        return true;
    }
}
