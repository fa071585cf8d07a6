package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.aggregate.ResultVerification;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.milestone.repository.MilestoneRepository;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.repository.ReviewRepository;
import jp.go.meti.aifund.milestone.repository.ReviewSettingsRepository;
import jp.go.meti.aifund.milestone.repository.VerificationRepository;
import jp.go.meti.aifund.milestone.service.ReviewCommands.Verify;
import jp.go.meti.aifund.milestone.service.Views.ResultView;
import jp.go.meti.aifund.platform.audit.Audited;

/**
 * The independent verifier's verdicts on the results of a submitted review. The conflict-of-interest
 * rules that bind reviewers bind verifiers too: one related to the recipient responsible for a
 * milestone cannot verify its result.
 */
@ApplicationScoped
public class Verifications {

    private final ReviewRepository reviews;
    private final ResultRepository results;
    private final MilestoneRepository milestones;
    private final VerificationRepository verifications;
    private final ConflictService conflicts;
    private final ReviewSettingsRepository settings;
    private final Clock clock;

    public Verifications(ReviewRepository reviews, ResultRepository results, MilestoneRepository milestones,
            VerificationRepository verifications, ConflictService conflicts, ReviewSettingsRepository settings,
            Clock clock) {
        this.settings = settings;
        this.reviews = reviews;
        this.results = results;
        this.milestones = milestones;
        this.verifications = verifications;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    /** Where the programme requires it, refuses to finalize a review whose results are not all VERIFIED. */
    void requireVerified(Review review, List<ReviewResult> recorded, Map<UUID, Milestone> assessed) {
        settings.of(review.programmeId).requireVerified(recorded, verifications.ofReview(review.id), assessed);
    }

    @Transactional
    @Audited("result.verified")
    public ResultView verify(UUID reviewId, UUID milestoneId, Verify command, String actor) {
        Review review = reviews.lock(reviewId);
        ReviewResult result = results.of(reviewId, milestoneId)
                .orElseThrow(() -> new NotFoundException("result of milestone", milestoneId));
        Milestone milestone = milestones.get(milestoneId);
        conflicts.requireNone(actor, milestone);
        ResultVerification verdict = verifications.findByIdOptional(result.id)
                .map(v -> v.give(review, result, command.verdict(), command.reason(), actor, clock.instant()))
                .orElseGet(() -> ResultVerification.of(review, result, command.verdict(), command.reason(), actor,
                        clock.instant()));
        verifications.persist(verdict);
        return ResultView.of(result, milestone, verdict);
    }
}
