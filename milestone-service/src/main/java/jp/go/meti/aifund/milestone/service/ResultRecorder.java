package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.repository.MilestoneRepository;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.repository.ReviewRepository;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.service.ReviewCommands.RecordResult;
import jp.go.meti.aifund.milestone.service.Views.ResultView;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.platform.audit.Audited;

/**
 * Records the measured value of a milestone in a draft review, with its evidence, and computes its
 * assessment there and then: the reviewer sees what the value earns before submitting.
 */
@ApplicationScoped
public class ResultRecorder {

    private final ReviewRepository reviews;
    private final MilestoneRepository milestones;
    private final ResultRepository results;
    private final ConflictService conflicts;
    private final Clock clock;

    public ResultRecorder(ReviewRepository reviews, MilestoneRepository milestones, ResultRepository results,
            ConflictService conflicts, Clock clock) {
        this.reviews = reviews;
        this.milestones = milestones;
        this.results = results;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    @Transactional
    @Audited("result.recorded")
    public ResultView record(UUID reviewId, UUID milestoneId, RecordResult command, String actor) {
        Review review = reviews.lock(reviewId);
        review.requireAcceptsResults();
        Milestone milestone = milestones.get(milestoneId);
        review.requireAssesses(milestone, review.amends != null && results.of(review.amends, milestoneId).isPresent());
        conflicts.requireNone(actor, milestone);
        var measured = new ReviewResult.Measured(command.value(), command.unit(), command.asOf(), command.evidence(),
                command.note());
        LocalDate today = FiscalYear.today(clock);
        Instant at = clock.instant();
        ReviewResult result = results.of(reviewId, milestoneId)
                .map(earlier -> earlier.recordAgain(milestone, review.fiscalYear, measured, today, actor, at))
                .orElseGet(() -> ReviewResult.record(reviewId, milestone, review.fiscalYear, measured, today, actor,
                        at));
        results.persist(result);
        return ResultView.of(result, milestone);
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
