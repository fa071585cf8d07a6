package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.kernel.NotPermittedException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.aggregate.ResultDraft;
import jp.go.meti.aifund.milestone.aggregate.Review;
import jp.go.meti.aifund.milestone.aggregate.ReviewResult;
import jp.go.meti.aifund.milestone.repository.MilestoneRepository;
import jp.go.meti.aifund.milestone.repository.ResultDraftRepository;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.repository.ReviewRepository;
import jp.go.meti.aifund.milestone.service.ReviewCommands.RecordResult;
import jp.go.meti.aifund.milestone.service.Views.DraftView;
import jp.go.meti.aifund.platform.audit.Audited;

/**
 * Results reported by the recipients: a consortium member drafts the result of a milestone its
 * recipient is responsible for (the consortium, for a consortium-wide one), in a draft review; NEDO
 * accepts it (see {@link ResultRecorder#acceptDraft}) or returns it with a reason.
 */
@ApplicationScoped
public class ResultDrafts {

    private final ReviewRepository reviews;
    private final MilestoneRepository milestones;
    private final ResultRepository results;
    private final ResultDraftRepository drafts;
    private final ProgrammeCopies programmes;
    private final ReviewQueries queries;
    private final Clock clock;

    public ResultDrafts(ReviewRepository reviews, MilestoneRepository milestones, ResultRepository results,
            ResultDraftRepository drafts, ProgrammeCopies programmes, ReviewQueries queries, Clock clock) {
        this.reviews = reviews;
        this.milestones = milestones;
        this.results = results;
        this.drafts = drafts;
        this.programmes = programmes;
        this.queries = queries;
        this.clock = clock;
    }

    /** {@code actsFor}: the recipients the member's token names; the milestone's must be among them. */
    @Transactional
    @Audited("result.drafted")
    public DraftView draft(UUID reviewId, UUID milestoneId, RecordResult command, Set<UUID> actsFor, String actor) {
        Review review = reviews.lock(reviewId);
        Milestone milestone = milestones.get(milestoneId);
        review.requireAssesses(milestone, review.amends != null && results.of(review.amends, milestoneId).isPresent());
        UUID responsible = responsibleFor(milestone);
        if (!actsFor.contains(responsible)) {
            throw new NotPermittedException(new Text("milestone.draft.not-member", actor, responsible, milestone.code));
        }
        var measured = new ReviewResult.Measured(command.value(), command.unit(), command.asOf(), command.evidence(),
                command.note());
        var today = FiscalYear.today(clock);
        ResultDraft draft = drafts.of(reviewId, milestoneId)
                .map(d -> d.draftAgain(review, milestone, measured, responsible, today, actor, clock.instant()))
                .orElseGet(() -> ResultDraft.draft(review, milestone, measured, responsible, today, actor,
                        clock.instant()));
        drafts.persist(draft);
        return DraftView.of(draft, milestone);
    }

    @Transactional
    @Audited("result-draft.returned")
    public DraftView returnDraft(UUID reviewId, UUID milestoneId, String reason, String actor) {
        Review review = reviews.lock(reviewId);
        review.requireAcceptsResults();
        ResultDraft draft = get(reviewId, milestoneId);
        draft.returnWith(reason, actor, clock.instant());
        return DraftView.of(draft, milestones.get(milestoneId));
    }

    /** A review's drafts; a consortium member ({@code onlyFor} present) sees only those of its recipients. */
    public List<DraftView> ofReview(UUID reviewId, Optional<Set<UUID>> onlyFor) {
        reviews.get(reviewId);
        List<ResultDraft> all = drafts.ofReview(reviewId).stream()
                .filter(d -> onlyFor.map(ids -> ids.contains(d.draftedFor)).orElse(true)).toList();
        Map<UUID, Milestone> drafted = queries.milestones(all.stream().map(d -> d.milestoneId).toList());
        return all.stream().map(d -> DraftView.of(d, drafted.get(d.milestoneId))).toList();
    }

    /** Refuses to submit a review while a recipient's draft of one of its results awaits NEDO. */
    void requireNonePending(Review review) {
        List<ResultDraft> all = drafts.ofReview(review.id);
        Map<UUID, Milestone> drafted = queries.milestones(all.stream().map(d -> d.milestoneId).toList());
        ResultDraft.requireNonePending(all, drafted);
    }

    ResultDraft get(UUID reviewId, UUID milestoneId) {
        return drafts.of(reviewId, milestoneId).orElseThrow(() -> new NotFoundException("draft of milestone",
                milestoneId));
    }

    private UUID responsibleFor(Milestone milestone) {
        return milestone.recipientId != null ? milestone.recipientId
                : programmes.consortiumOf(milestone.programmeId).orElseThrow(() -> new NotPermittedException(
                        new Text("milestone.draft.no-consortium", milestone.code)));
    }
}
