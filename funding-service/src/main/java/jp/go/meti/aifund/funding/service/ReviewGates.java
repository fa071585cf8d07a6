package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;


import jp.go.meti.aifund.funding.domain.Gate;
import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.contracts.review.ReviewData;

/**
 * Opens or keeps closed the gate of FY N+1 on the finalized review of FY N (or its amendment):
 * {@code PASSED} opens it; any other outcome closes a gate a review had opened, and leaves one a
 * ministry decision opened. The outcome is kept, so an envelope set up later starts right.
 */
@ApplicationScoped
public class ReviewGates {

    public static final String FINALIZED = "jp.go.meti.aifund.review.finalized.v1";
    public static final String AMENDED = "jp.go.meti.aifund.review.amended.v1";
    private static final Logger LOG = Logger.getLogger(ReviewGates.class);

    private final ProgrammeRepository programmes;
    private final EnvelopeRepository envelopes;
    private final EntityManager em;
    private final Clock clock;

    public ReviewGates(ProgrammeRepository programmes, EnvelopeRepository envelopes, EntityManager em,
            Clock clock) {
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.em = em;
        this.clock = clock;
    }

    /** Runs in the transaction that records the event as applied ({@code EventConsumer}): once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ReviewData review) {
        UUID programmeId = review.getProgrammeId();
        if (programmes.lockIfPresent(programmeId).isEmpty()) {
            LOG.infof("review %s is about programme %s, unknown here; ignored", review.getReviewId(), programmeId);
            return;
        }
        int reviewed = Math.toIntExact(review.getFiscalYear());
        String outcome = review.getOutcome().value();
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO review_outcome VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (programme_id, "
                + "fiscal_year) DO UPDATE SET review_id = EXCLUDED.review_id, revision = EXCLUDED.revision, "
                + "outcome = EXCLUDED.outcome, recorded_at = EXCLUDED.recorded_at "
                + "WHERE review_outcome.revision <= EXCLUDED.revision")
                .setParameter(1, programmeId).setParameter(2, reviewed).setParameter(3, review.getReviewId())
                .setParameter(4, Math.toIntExact(review.getRevision())).setParameter(5, outcome).setParameter(6, now)
                .executeUpdate();
        envelopes.find(programmeId, reviewed + 1).ifPresent(next -> next.reviewed(outcome, review.getReviewId(), now));
    }

    /** The gate an envelope of {@code fiscalYear} starts with, given what reviews said so far. */
    public void initialize(Envelope envelope) {
        if (envelope.gate != Gate.CLOSED) {
            return;
        }
        outcomeOf(envelope.programmeId, envelope.fiscalYear - 1)
                .ifPresent(r -> envelope.reviewed((String) r[1], (UUID) r[0], clock.instant()));
    }

    /** The finalized review of {@code fiscalYear} (its latest revision), if one has arrived. */
    public java.util.Optional<UUID> reviewOf(UUID programmeId, int fiscalYear) {
        return outcomeOf(programmeId, fiscalYear).map(r -> (UUID) r[0]);
    }

    /** The review id and outcome kept for a fiscal year. */
    private java.util.Optional<Object[]> outcomeOf(UUID programmeId, int fiscalYear) {
        @SuppressWarnings("unchecked")
        var rows = (java.util.List<Object[]>) em.createNativeQuery(
                "SELECT review_id, outcome FROM review_outcome WHERE programme_id = ?1 AND fiscal_year = ?2")
                .setParameter(1, programmeId).setParameter(2, fiscalYear).getResultList();
        return rows.stream().findFirst();
    }
}
