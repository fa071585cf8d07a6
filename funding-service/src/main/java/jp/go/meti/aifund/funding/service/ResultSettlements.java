package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.contracts.review.ReviewAssessedMilestone;
import jp.go.meti.aifund.contracts.review.ReviewData;
import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.ResultLink;
import jp.go.meti.aifund.funding.aggregate.Settlement;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.domain.MilestoneResult;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.ResultLinkRepository;
import jp.go.meti.aifund.funding.repository.ReviewedResultRepository;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.kernel.Ratio;

/**
 * A finalized or amended review fixes what each result-linked allocation of the reviewed fiscal year
 * earned ({@link Settlement} holds the rules), in the transaction that records the event as applied.
 * A revision older than the one a link holds changes nothing, so a redelivery or a late event is harmless.
 */
@ApplicationScoped
public class ResultSettlements {

    private final ProgrammeRepository programmes;
    private final EnvelopeRepository envelopes;
    private final TrancheRepository tranches;
    private final ResultLinkRepository links;
    private final ReviewedResultRepository results;
    private final Ledger ledger;
    private final Clock clock;

    public ResultSettlements(ProgrammeRepository programmes, EnvelopeRepository envelopes, TrancheRepository tranches,
            ResultLinkRepository links, ReviewedResultRepository results, Ledger ledger, Clock clock) {
        this.results = results;
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.tranches = tranches;
        this.links = links;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ReviewData review) {
        UUID programmeId = review.getProgrammeId();
        Programme p = programmes.lockIfPresent(programmeId).orElse(null);
        if (p == null || !p.isActive()) {
            return; // an ended programme moves no money: a later amendment is for a return order by hand
        }
        int fiscalYear = Math.toIntExact(review.getFiscalYear());
        Settlement.Review reviewed = new Settlement.Review(review.getReviewId(), Math.toIntExact(review.getRevision()),
                review.getMilestones().stream().map(ResultSettlements::result).toList());
        if (!results.keep(programmeId, fiscalYear, reviewed)) {
            return; // a later revision is in already
        }
        Instant now = clock.instant();
        Settlement settlement = new Settlement(p, book(programmeId), now);
        for (ResultLink link : links.assessedBy(programmeId, fiscalYear)) {
            settlement.apply(link, reviewed)
                    .forEach(step -> ledger.record(p, step.movement(), Settlement.ACTOR, step.reason(), null, now));
        }
    }

    private static MilestoneResult result(ReviewAssessedMilestone m) {
        // events of review-scoring/1 carry only the basis points
        Ratio achievement = m.getAchievement() == null ? Ratio.basisPoints(m.getAchievementBasisPoints())
                : Ratio.parse(m.getAchievement());
        return new MilestoneResult(m.getCode(), m.getGoal() == null ? null : m.getGoal().getGoalId(),
                m.getAssessment() == ReviewAssessedMilestone.Assessment.MET, achievement);
    }

    private Settlement.Book book(UUID programmeId) {
        return new Settlement.Book() {
            @Override
            public List<Tranche> tranchesOf(ResultLink link) {
                return tranches.ofResultLink(link.id);
            }

            @Override
            public ResultLink link(UUID id) {
                return links.findById(id);
            }

            @Override
            public Optional<Envelope> envelope(int fiscalYear) {
                return envelopes.find(programmeId, fiscalYear);
            }

            @Override
            public Optional<Settlement.Review> review(int fiscalYear) {
                return results.latest(programmeId, fiscalYear);
            }

            @Override
            public void add(ResultLink link) {
                links.persist(link);
            }

            @Override
            public void add(Tranche tranche) {
                tranches.persist(tranche);
            }
        };
    }
}
