package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.milestone.domain.ReviewState;
import jp.go.meti.aifund.milestone.outbound.ReviewEvents;
import jp.go.meti.aifund.milestone.aggregate.Goal;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.repository.GoalRepository;
import jp.go.meti.aifund.milestone.repository.MilestoneRepository;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.repository.ReviewRepository;
import jp.go.meti.aifund.milestone.repository.VerificationRepository;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.milestone.service.Views.OverdueReview;
import jp.go.meti.aifund.milestone.service.Views.ReviewView;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.ReviewDeadline;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.scoring.Outcome;

/** Reads reviews as portals and events show them: each result with the milestone version it assessed. */
@ApplicationScoped
public class ReviewQueries {

    private final ReviewRepository reviews;
    private final ResultRepository results;
    private final MilestoneRepository milestones;
    private final GoalRepository goals;
    private final VerificationRepository verifications;
    private final ReviewDeadline deadline;
    private final Clock clock;

    public ReviewQueries(ReviewRepository reviews, ResultRepository results, MilestoneRepository milestones,
            GoalRepository goals, VerificationRepository verifications, ReviewDeadline deadline, Clock clock) {
        this.verifications = verifications;
        this.reviews = reviews;
        this.results = results;
        this.milestones = milestones;
        this.goals = goals;
        this.deadline = deadline;
        this.clock = clock;
    }

    public ReviewView get(UUID id) {
        return view(reviews.get(id));
    }

    ReviewView view(Review review) {
        List<ReviewResult> recorded = results.ofReview(review.id);
        return ReviewView.of(review, ReviewView.results(recorded, milestonesOf(recorded),
                verifications.ofReview(review.id)), today());
    }

    Map<UUID, Milestone> milestonesOf(List<ReviewResult> recorded) {
        return milestones(recorded.stream().map(r -> r.milestoneId).toList());
    }

    /** The milestone versions of these ids, by id. */
    Map<UUID, Milestone> milestones(List<UUID> ids) {
        return ids.isEmpty() ? Map.of()
                : milestones.list("id in ?1", ids).stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
    }

    /** What the review's event tells of its results. */
    ReviewEvents.Assessed assessed(Review review) {
        List<ReviewResult> recorded = results.ofReview(review.id);
        Map<UUID, Milestone> assessed = milestonesOf(recorded);
        return new ReviewEvents.Assessed(recorded, assessed, goalsOf(assessed), verifications.ofReview(review.id));
    }

    /** The goals these milestones implement, by id. */
    private Map<UUID, Goal> goalsOf(Map<UUID, Milestone> assessed) {
        List<UUID> ids = assessed.values().stream().map(m -> m.implementsGoal).filter(Objects::nonNull).distinct()
                .toList();
        return ids.isEmpty() ? Map.of()
                : goals.list("id in ?1", ids).stream().collect(Collectors.toMap(g -> g.id, Function.identity()));
    }

    public Page<ReviewView> search(UUID programmeId, Integer fiscalYear, ReviewState state, Outcome outcome, int page,
            int size) {
        LocalDate today = today();
        return Page.of(reviews.search(programmeId, fiscalYear, state, outcome), page, size,
                r -> ReviewView.summary(r, today));
    }

    /**
     * Every fiscal year that has milestones, is past its due date and has no finalized review:
     * with its review in progress, or none when nobody has started one.
     */
    /** Every programme's overdue years, or one programme's ({@code programmeId} given). */
    public List<OverdueReview> overdue(UUID onlyProgramme) {
        LocalDate today = today();
        List<OverdueReview> overdue = new ArrayList<>();
        for (Object[] year : milestones.yearsWithMilestones()) {
            UUID programmeId = (UUID) year[0];
            int fiscalYear = (Integer) year[1];
            if (onlyProgramme != null && !onlyProgramme.equals(programmeId)) {
                continue;
            }
            if (deadline.isOverdue(fiscalYear, today) && reviews.latestFinalized(programmeId, fiscalYear).isEmpty()) {
                Review open = reviews.inProgress(programmeId, fiscalYear).orElse(null);
                LocalDate due = open == null ? deadline.dueDate(fiscalYear) : open.dueDate;
                overdue.add(OverdueReview.of(programmeId, fiscalYear, due, today, open));
            }
        }
        return overdue;
    }

    LocalDate today() {
        return FiscalYear.today(clock);
    }
}
