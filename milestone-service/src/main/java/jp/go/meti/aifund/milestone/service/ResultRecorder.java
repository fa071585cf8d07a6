package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.milestone.domain.Evidence;
import jp.go.meti.aifund.scoring.Kpi;
import jp.go.meti.aifund.milestone.domain.Measurement;
import jp.go.meti.aifund.milestone.domain.ReviewAction;
import jp.go.meti.aifund.scoring.ReviewScoring;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.repository.MilestoneRepository;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.repository.ReviewRepository;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.service.ReviewCommands.RecordResult;
import jp.go.meti.aifund.milestone.service.Views.ResultView;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.InvalidRequestException;
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
        review.state.after(ReviewAction.RECORD_RESULT);
        Milestone milestone = milestoneOf(review, milestoneId);
        conflicts.requireNone(actor, milestone);
        Measurement.requireUnit(milestone.unit, command.unit());
        Measurement.requireAsOf(command.asOf(), review.fiscalYear, FiscalYear.today(clock));
        var evidence = Evidence.requireValid(command.evidence());
        Kpi.Result assessed = milestone.kpi().assess(command.value());

        ReviewResult result = results.of(reviewId, milestoneId).orElseGet(ReviewResult::new);
        if (result.id == null) {
            result.id = UUID.randomUUID();
            result.reviewId = reviewId;
            result.milestoneId = milestoneId;
        }
        result.measuredValue = command.value();
        result.unit = milestone.unit;
        result.asOf = command.asOf();
        result.note = command.note();
        result.setEvidence(evidence);
        result.assessment = assessed.assessment();
        result.achievement = assessed.achievement();
        result.achievementBasisPoints = assessed.achievementBasisPoints();
        result.ruleVersion = ReviewScoring.VERSION;
        result.recordedBy = actor;
        result.recordedAt = clock.instant();
        results.persist(result);
        return ResultView.of(result, milestone);
    }

    @Transactional
    @Audited("result.removed")
    public void remove(UUID reviewId, UUID milestoneId, String actor) {
        Review review = reviews.lock(reviewId);
        review.state.after(ReviewAction.RECORD_RESULT);
        ReviewResult result = results.of(reviewId, milestoneId)
                .orElseThrow(() -> new NotFoundException("result of milestone", milestoneId));
        conflicts.requireNone(actor, milestones.get(milestoneId));
        results.delete(result);
    }

    /**
     * The milestone, which must be one this review assesses: a current milestone of its programme
     * and year, or for an amendment, one the corrected revision assessed (its targets stand).
     */
    private Milestone milestoneOf(Review review, UUID milestoneId) {
        Milestone m = milestones.get(milestoneId);
        if (!m.programmeId.equals(review.programmeId)) {
            throw new InvalidRequestException("milestoneId", "belongs to another programme, not to the one of this review");
        }
        if (m.fiscalYear != review.fiscalYear) {
            throw new InvalidRequestException("milestoneId", "is a milestone of FY" + m.fiscalYear
                    + ", not of FY" + review.fiscalYear + " under review");
        }
        if (review.amends != null && results.of(review.amends, milestoneId).isEmpty()) {
            throw new InvalidRequestException("milestoneId", "was not assessed by the revision this amendment "
                    + "corrects; an amendment corrects results, not the set of milestones");
        }
        if (review.amends == null && m.supersededBy != null) {
            throw new InvalidRequestException("milestoneId", "is version " + m.version + " of " + m.code
                    + ", superseded by " + m.supersededBy + "; record the result against the current version");
        }
        return m;
    }
}
