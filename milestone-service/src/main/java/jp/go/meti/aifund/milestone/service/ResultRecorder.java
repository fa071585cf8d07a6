package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.repository.MilestoneRepository;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.repository.ReviewRepository;
import jp.go.meti.aifund.milestone.aggregate.ResultDraft;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.milestone.repository.VerificationRepository;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.service.ReviewCommands.RecordResult;
import jp.go.meti.aifund.milestone.service.Views.ResultView;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.platform.audit.Audited;

/**
 * Records the measured value of a milestone in a draft review, with its evidence, and computes its
 * assessment there and then: the reviewer sees what the value earns before submitting. NEDO records
 * it itself or accepts a recipient's draft of it.
 */
@ApplicationScoped
public class ResultRecorder {

    private final ReviewRepository reviews;
    private final MilestoneRepository milestones;
    private final ResultRepository results;
    private final ConflictService conflicts;
    private final VerificationRepository verifications;
    private final ResultDrafts drafts;
    private final Clock clock;

    public ResultRecorder(ReviewRepository reviews, MilestoneRepository milestones, ResultRepository results,
            ConflictService conflicts, VerificationRepository verifications, ResultDrafts drafts, Clock clock) {
        this.verifications = verifications;
        this.drafts = drafts;
        this.reviews = reviews;
        this.milestones = milestones;
        this.results = results;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    @Transactional
    @Audited("result.recorded")
    public ResultView record(UUID reviewId, UUID milestoneId, RecordResult command, String actor) {
        var measured = new ReviewResult.Measured(command.value(), command.unit(), command.asOf(), command.evidence(),
                command.note());
        return record(reviewId, milestoneId, actor, (earlier, review, milestone) -> earlier
                .orElseGet(() -> ReviewResult.start(reviewId, milestone))
                .recordAgain(milestone, review.fiscalYear, measured, FiscalYear.today(clock), actor, clock.instant()));
    }

    /** NEDO accepts a recipient's pending draft: it becomes the milestone's result, reported by the member. */
    @Transactional
    @Audited("result-draft.accepted")
    public ResultView acceptDraft(UUID reviewId, UUID milestoneId, String actor) {
        return record(reviewId, milestoneId, actor, (earlier, review, milestone) -> {
            ResultDraft draft = drafts.get(reviewId, milestoneId);
            draft.accept(actor, clock.instant());
            return earlier.orElseGet(() -> ReviewResult.start(reviewId, milestone))
                    .acceptDraft(milestone, review.fiscalYear, draft, FiscalYear.today(clock), actor, clock.instant());
        });
    }

    /** How a result is (re)written from the earlier one, if any, once the review and milestone allow it. */
    private interface Write {
        ReviewResult apply(Optional<ReviewResult> earlier, Review review, Milestone milestone);
    }

    /**
     * The rules every recorded result passes (a draft review assessing the milestone, a recorder unrelated to its
     * recipient); a result recorded again loses its verdict, since the verifier verified another value.
     */
    private ResultView record(UUID reviewId, UUID milestoneId, String actor, Write write) {
        Review review = reviews.lock(reviewId);
        review.requireAcceptsResults();
        Milestone milestone = milestones.get(milestoneId);
        review.requireAssesses(milestone, review.amends != null && results.of(review.amends, milestoneId).isPresent());
        conflicts.requireNone(actor, milestone);
        Optional<ReviewResult> earlier = results.of(reviewId, milestoneId);
        earlier.ifPresent(r -> verifications.deleteById(r.id));
        ReviewResult result = write.apply(earlier, review, milestone);
        results.persist(result);
        return ResultView.of(result, milestone, null);
    }

    @Transactional
    @Audited("result.removed")
    public void remove(UUID reviewId, UUID milestoneId, String actor) {
        Review review = reviews.lock(reviewId);
        review.requireAcceptsResults();
        ReviewResult result = results.of(reviewId, milestoneId)
                .orElseThrow(() -> new NotFoundException("result of milestone", milestoneId));
        conflicts.requireNone(actor, milestones.get(milestoneId));
        results.delete(result);
    }
}
