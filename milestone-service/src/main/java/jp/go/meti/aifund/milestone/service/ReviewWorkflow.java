package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.milestone.outbound.ReviewEvents;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.repository.ReviewRepository;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.milestone.service.Views.ReviewView;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.ReviewDeadline;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.platform.rest.ETags;

/**
 * The review's life cycle: open a draft, submit it (NEDO, once no recipient's draft awaits it),
 * return or finalize it (METI, another person; where the programme requires it, once every result is
 * verified), amend a finalized one. Every step locks the review row first; submitting, finalizing
 * and amending write their event to the outbox in the same transaction.
 */
@ApplicationScoped
public class ReviewWorkflow {

    private final ReviewRepository reviews;
    private final ResultRepository results;
    private final ProgrammeCopies programmes;
    private final ConflictService conflicts;
    private final ReviewQueries queries;
    private final ReviewScorer scorer;
    private final ReviewEvents events;
    private final ReviewDeadline deadline;
    private final Clock clock;
    private final ETags etags;
    private final ResultDrafts drafts;
    private final Verifications verifications;

    public ReviewWorkflow(ReviewRepository reviews, ResultRepository results, ProgrammeCopies programmes,
            ConflictService conflicts, ReviewQueries queries, ReviewScorer scorer, ReviewEvents events,
            ReviewDeadline deadline, Clock clock, ETags etags, ResultDrafts drafts, Verifications verifications) {
        this.drafts = drafts;
        this.verifications = verifications;
        this.etags = etags;
        this.reviews = reviews;
        this.results = results;
        this.programmes = programmes;
        this.conflicts = conflicts;
        this.queries = queries;
        this.scorer = scorer;
        this.events = events;
        this.deadline = deadline;
        this.clock = clock;
    }

    /**
     * Starts the first review of a year of a programme the copy knows, within its fiscal years; a
     * year already reviewed is corrected by an amendment.
     */
    @Transactional
    @Audited("review.opened")
    public ReviewView open(UUID programmeId, int fiscalYear, String actor) {
        programmes.requireFiscalYear(programmeId, fiscalYear);
        reviews.inProgress(programmeId, fiscalYear).ifPresent(r -> {
            throw ConflictException.of("milestone.review.in-progress", r.id, Text.fiscalYear(fiscalYear));
        });
        reviews.latestFinalized(programmeId, fiscalYear).ifPresent(r -> {
            throw ConflictException.of("milestone.review.reviewed", Text.fiscalYear(fiscalYear), r.id);
        });
        Review review = Review.open(programmeId, fiscalYear, reviews.nextRevision(programmeId, fiscalYear),
                deadline.dueDate(fiscalYear), actor, clock.instant());
        reviews.persist(review);
        reviews.flush(); // a concurrent open of the same year fails here, on the unique index
        return queries.view(review);
    }

    @Transactional
    @Audited("review.submitted")
    public ReviewView submit(UUID reviewId, String actor, String ifMatch) {
        Review review = reviews.lock(reviewId);
        etags.require(ifMatch, queries.view(review));
        review.requireSubmittable();
        drafts.requireNonePending(review);
        review.submit(actor, scorer.scoreComplete(review), clock.instant());
        events.submitted(review, queries.assessed(review));
        return queries.view(review);
    }

    @Transactional
    @Audited("review.returned")
    public ReviewView returnToDraft(UUID reviewId, String reason, String actor, String ifMatch) {
        Review review = reviews.lock(reviewId);
        etags.require(ifMatch, queries.view(review));
        review.returnToDraft(actor, reason, clock.instant());
        return queries.view(review);
    }

    @Transactional
    @Audited("review.finalized")
    public ReviewView finalizeReview(UUID reviewId, String note, String actor, String ifMatch) {
        Review review = reviews.lock(reviewId);
        etags.require(ifMatch, queries.view(review));
        review.requireFinalizableBy(actor);
        List<ReviewResult> recorded = results.ofReview(review.id);
        Map<UUID, Milestone> assessed = queries.milestonesOf(recorded);
        assessed.values().forEach(m -> conflicts.requireNone(actor, m));
        verifications.requireVerified(review, recorded, assessed);
        review.finalize(actor, note, scorer.score(recorded, assessed), clock.instant());
        if (review.amends != null) {
            reviews.get(review.amends).replaceBy(review);
        }
        events.finalized(review, queries.assessed(review));
        return queries.view(review);
    }

    /** A new draft revision correcting a finalized review, starting from its results. */
    @Transactional
    @Audited("review.amended")
    public ReviewView amend(UUID reviewId, String reason, String actor) {
        Review original = reviews.lock(reviewId);
        original.requireAmendable();
        reviews.inProgress(original.programmeId, original.fiscalYear).ifPresent(r -> {
            throw ConflictException.of("milestone.review.amendment-in-progress", r.id);
        });
        Review amendment = original.amend(reviews.nextRevision(original.programmeId, original.fiscalYear), reason,
                actor, clock.instant());
        reviews.persist(amendment);
        reviews.flush();
        for (ReviewResult r : results.ofReview(original.id)) {
            results.persist(r.copyFor(amendment.id));
        }
        return queries.view(amendment);
    }
}
