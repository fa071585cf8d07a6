package jp.go.meti.aifund.milestone.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.repository.MilestoneRepository;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.scoring.ReviewScoring;

/** Feeds a review's stored results to {@link ReviewScoring}, after checking the review is complete. */
@ApplicationScoped
public class ReviewScorer {

    private final ResultRepository results;
    private final MilestoneRepository milestones;
    private final ReviewQueries queries;

    public ReviewScorer(ResultRepository results, MilestoneRepository milestones, ReviewQueries queries) {
        this.results = results;
        this.milestones = milestones;
        this.queries = queries;
    }

    /**
     * Scores a review being submitted: every milestone it must assess has a result, and their
     * weights add up to 100 %. A first review assesses the year's current milestones; an amendment
     * those of the revision it corrects.
     */
    ReviewScoring.Score scoreComplete(Review review) {
        List<ReviewResult> recorded = results.ofReview(review.id);
        Map<UUID, Milestone> assessed = queries.milestonesOf(recorded);
        List<Milestone> required = review.amends == null ? milestones.current(review.programmeId, review.fiscalYear)
                : List.copyOf(queries.milestonesOf(results.ofReview(review.amends)).values());
        Set<UUID> requiredIds = required.stream().map(m -> m.id).collect(Collectors.toSet());
        List<String> missing = required.stream().filter(m -> !assessed.containsKey(m.id)).map(m -> m.code).sorted()
                .toList();
        List<String> stale = assessed.values().stream().filter(m -> !requiredIds.contains(m.id))
                .map(m -> m.code + " v" + m.version).sorted().toList();
        if (required.isEmpty()) {
            throw ConflictException.of("milestone.review.no-milestones", Text.fiscalYear(review.fiscalYear));
        }
        if (!missing.isEmpty()) {
            throw stale.isEmpty() ? ConflictException.of("milestone.review.missing", new Text.Items(missing))
                    : ConflictException.of("milestone.review.missing-and-stale", new Text.Items(missing),
                            recordAgain(stale));
        }
        if (!stale.isEmpty()) {
            throw ConflictException.of("milestone.review.stale", recordAgain(stale));
        }
        return score(recorded, assessed);
    }

    /** What to do about results recorded against milestone versions that were redefined since. */
    private static Text recordAgain(List<String> stale) {
        return new Text("milestone.review.record-again", new Text.Items(stale),
                "PUT /api/reviews/{reviewId}/results/{milestoneId}",
                "GET /api/programmes/{programmeId}/fiscal-years/{fiscalYear}/milestones");
    }

    ReviewScoring.Score score(List<ReviewResult> recorded, Map<UUID, Milestone> assessed) {
        return ReviewScoring.score(recorded.stream().map(r -> r.scoringItem(assessed.get(r.milestoneId))).toList());
    }
}
