package jp.go.meti.aifund.milestone.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.domain.ReviewState;
import jp.go.meti.aifund.platform.repository.Filter;
import jp.go.meti.aifund.scoring.Outcome;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, UUID> {

    public Review get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundException("review", id));
    }

    /**
     * The review row locked FOR UPDATE until the transaction ends: every change to a review or its
     * results passes here first, so a result cannot slip in while the review is being submitted.
     */
    public Review lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new NotFoundException("review", id));
    }

    /** The revision of a year that is still in progress, if any (at most one, by a unique index). */
    public Optional<Review> inProgress(UUID programmeId, int fiscalYear) {
        return find("programmeId = ?1 and fiscalYear = ?2 and state <> ?3", programmeId, fiscalYear,
                ReviewState.FINALIZED).firstResultOptional();
    }

    /** The finalized revision of a year that no amendment has replaced, if any. */
    public Optional<Review> latestFinalized(UUID programmeId, int fiscalYear) {
        return find("programmeId = ?1 and fiscalYear = ?2 and state = ?3 and amendedBy is null", programmeId,
                fiscalYear, ReviewState.FINALIZED).firstResultOptional();
    }

    public int nextRevision(UUID programmeId, int fiscalYear) {
        Integer highest = getEntityManager().createQuery(
                "SELECT max(r.revision) FROM Review r WHERE r.programmeId = ?1 AND r.fiscalYear = ?2", Integer.class)
                .setParameter(1, programmeId).setParameter(2, fiscalYear).getSingleResult();
        return highest == null ? 1 : highest + 1;
    }

    public PanacheQuery<Review> search(UUID programmeId, Integer fiscalYear, ReviewState state, Outcome outcome) {
        Filter filter = new Filter().and("programmeId", programmeId).and("fiscalYear", fiscalYear).and("state", state)
                .and("outcome", outcome);
        return find(filter.query(), Sort.by("fiscalYear").and("programmeId").and("revision"), filter.parameters());
    }
}
