package jp.go.meti.aifund.funding.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import jp.go.meti.aifund.funding.aggregate.Settlement;
import jp.go.meti.aifund.funding.domain.MilestoneResult;
import jp.go.meti.aifund.kernel.Ratio;

/**
 * The milestone results of the latest finalized revision of each fiscal year's review: what a
 * remainder rolled over later is assessed by when its checkpoint's review is in already.
 */
@ApplicationScoped
public class ReviewedResultRepository {

    private final EntityManager em;

    public ReviewedResultRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps {@code review} as the year's latest; false, keeping nothing, if a later revision is kept already. */
    public boolean keep(UUID programmeId, int fiscalYear, Settlement.Review review) {
        Optional<Settlement.Review> kept = latest(programmeId, fiscalYear);
        if (kept.isPresent() && kept.get().revision() >= review.revision()) {
            return kept.get().revision() == review.revision() && kept.get().id().equals(review.id());
        }
        em.createNativeQuery("DELETE FROM reviewed_result WHERE programme_id = ?1 AND fiscal_year = ?2")
                .setParameter(1, programmeId).setParameter(2, fiscalYear).executeUpdate();
        int position = 0;
        for (MilestoneResult r : review.results()) {
            em.createNativeQuery("INSERT INTO reviewed_result VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, programmeId).setParameter(2, fiscalYear).setParameter(3, position++)
                    .setParameter(4, review.id()).setParameter(5, review.revision()).setParameter(6, r.code())
                    .setParameter(7, r.goalId()).setParameter(8, r.met()).setParameter(9, r.achievement().toString())
                    .executeUpdate();
        }
        return true;
    }

    public Optional<Settlement.Review> latest(UUID programmeId, int fiscalYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT review_id, revision, code, goal_id, met, achievement "
                + "FROM reviewed_result WHERE programme_id = ?1 AND fiscal_year = ?2 ORDER BY position")
                .setParameter(1, programmeId).setParameter(2, fiscalYear).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Settlement.Review((UUID) rows.get(0)[0], ((Number) rows.get(0)[1]).intValue(),
                rows.stream().map(r -> new MilestoneResult((String) r[2], (UUID) r[3], (Boolean) r[4],
                        Ratio.parse((String) r[5]))).toList()));
    }
}
