package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.contracts.pullback.RecommendationData;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.aggregate.Pullback;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.domain.HearingSubject;
import jp.go.meti.aifund.funding.domain.Money;
import jp.go.meti.aifund.funding.domain.PullbackDecision;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.PullbackRepository;
import jp.go.meti.aifund.funding.repository.ShareTableRepository;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.Hearings.Proposal;
import jp.go.meti.aifund.funding.service.Hearings.TrancheCut;
import jp.go.meti.aifund.funding.service.Views.PullbackView;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.platform.rest.ETags;

/**
 * Pullback recommendations and the ministry's decisions on them ({@link Pullback} holds the rules).
 * A recommendation puts every not-yet-disbursed gated tranche of the affected year ON_HOLD, each a
 * ledger entry naming it. One METI official proposes a decision, another confirms it (four eyes):
 * lift the hold, reduce by the policy or by an amount, or cancel. A reduction or cancellation is
 * proposed with notice to the recipient ({@link Hearings}) and confirmed once it has been heard. Every
 * amount is funding-service's own, computed from its tranches when it acts; the recommendation's
 * figures are an estimate.
 */
@ApplicationScoped
public class Pullbacks {

    private static final String SYSTEM = "notification-service";
    public static final String RECOMMENDED = "jp.go.meti.aifund.pullback.recommended.v1";
    private static final Logger LOG = Logger.getLogger(Pullbacks.class);

    public record Propose(@NotNull PullbackDecision decision, @Positive @Max(Money.MAX_CEILING) Long amount,
            @NotBlank @Size(max = 2000) String reason) {
    }

    private final ProgrammeRepository programmes;
    private final EnvelopeRepository envelopes;
    private final TrancheRepository tranches;
    private final ShareTableRepository shareTables;
    private final PullbackRepository pullbacks;
    private final Ledger ledger;
    private final Clock clock;
    private final ETags etags;
    private final JsonColumns json;
    private final Hearings hearings;

    public Pullbacks(ProgrammeRepository programmes, EnvelopeRepository envelopes, TrancheRepository tranches,
            ShareTableRepository shareTables, PullbackRepository pullbacks, Ledger ledger, Clock clock, ETags etags,
            JsonColumns json, Hearings hearings) {
        this.hearings = hearings;
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.tranches = tranches;
        this.shareTables = shareTables;
        this.pullbacks = pullbacks;
        this.ledger = ledger;
        this.clock = clock;
        this.etags = etags;
        this.json = json;
    }

    /** Runs in the transaction that records the event as applied ({@code EventConsumer}): once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(RecommendationData d) {
        Pullback.Recommendation r = new Pullback.Recommendation(d.getRecommendationId(), d.getProgrammeId(),
                d.getReviewId(), Math.toIntExact(d.getReviewedFiscalYear()), Math.toIntExact(d.getAffectedFiscalYear()),
                Math.toIntExact(d.getScoreBasisPoints()), d.getScore() == null ? null : Ratio.parse(d.getScore()),
                d.getPolicyVersion(), d.getPlannedAmount(), d.getRecommendedReduction(), json.write(d.getParts()),
                d.getEstimateAsOfLedgerEntryId());
        Programme programme = programmes.lockIfPresent(r.programmeId()).orElse(null);
        if (programme == null) {
            LOG.infof("recommendation %s is about programme %s, unknown here; ignored", r.id(), r.programmeId());
            return;
        }
        List<Tranche> gated = tranches.list("programmeId = ?1 and fiscalYear = ?2 and gatedByReviewYear = ?3",
                Sort.by("createdAt").and("id"), r.programmeId(), r.affectedFiscalYear(), r.reviewedFiscalYear());
        Instant now = clock.instant();
        Pullback.Received received = Pullback.receive(r, programme, gated, now);
        Pullback p = received.pullback();
        String reason = String.format("pullback recommendation %s: FY%d review %s missed critical milestone(s) %s; "
                + "reduction by policy ¥%,d of the ¥%,d held (policy %s)", p.id, p.reviewedFiscalYear, p.reviewId,
                d.getCriticalMissed(), p.policyReductionOfHeld(), p.heldAmount, p.policyVersion);
        for (Movement hold : received.holds()) {
            ledger.record(programme, hold, SYSTEM, reason, null, now);
        }
        pullbacks.persist(p);
    }

    public List<PullbackView> ofProgramme(UUID programmeId) {
        programmes.get(programmeId);
        return pullbacks.list("programmeId", Sort.by("receivedAt"), programmeId).stream().map(this::view).toList();
    }

    public PullbackView get(UUID programmeId, UUID id) {
        return view(pullbacks.get(programmeId, id));
    }

    @Transactional
    @Audited(value = "pullback.decision-proposed", subject = 1)
    public PullbackView propose(UUID programmeId, UUID id, @Valid Propose command, String actor, String ifMatch) {
        Programme programme = programmes.lock(programmeId);
        Pullback p = pullbacks.get(programmeId, id);
        etags.require(ifMatch, view(p));
        Instant now = clock.instant();
        List<Tranche> held = held(p);
        p.propose(command.decision(), command.amount(), command.reason(), actor, held, now);
        if (p.proposesAdverse()) {
            hearings.open(programme, proposal(p, held), actor, now);
        } else {
            hearings.withdraw(programme, p.id, actor, now);
        }
        return view(p);
    }

    @Transactional
    @Audited(value = "pullback.decision-confirmed", subject = 1)
    public PullbackView confirm(UUID programmeId, UUID id, String actor, String ifMatch) {
        Programme programme = programmes.lock(programmeId);
        Pullback p = pullbacks.get(programmeId, id);
        etags.require(ifMatch, view(p));
        Instant now = clock.instant();
        p.requireConfirmableBy(actor);
        if (p.proposesAdverse()) {
            hearings.requireHeard(programme, proposal(p, held(p)));
        }
        List<Movement> moves = p.confirm(programme, envelopes.get(programmeId, p.affectedFiscalYear), held(p), actor, now);
        String reason = p.decisionRecord(actor) + hearings.conclude(programme, p.id, actor, now);
        moves.forEach(m -> ledger.record(programme, m, actor, reason, null, now));
        return view(p);
    }

    /** The proposed decision as its notice describes it: what it would take from each tranche still held. */
    private static Proposal proposal(Pullback p, List<Tranche> held) {
        long[] cuts = p.proposedCuts(held);
        return new Proposal(HearingSubject.PULLBACK_DECISION, p.id, p.decision.name(), p.affectedFiscalYear,
                p.decisionReason + " (on pullback recommendation " + p.id + " after the FY" + p.reviewedFiscalYear
                        + " review " + p.reviewId + ", score " + p.decisiveScore() + ")",
                IntStream.range(0, held.size()).mapToObj(i -> new TrancheCut(held.get(i), cuts[i])).toList(), false);
    }

    /** The tranches the recommendation held that are still on hold, in the order it held them. */
    private List<Tranche> held(Pullback p) {
        List<UUID> ids = p.heldTranches();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Tranche> byId = tranches.list("programmeId = ?1 and id in ?2", p.programmeId, ids).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t));
        return ids.stream().map(byId::get).filter(t -> t.state == TrancheState.ON_HOLD).toList();
    }

    private PullbackView view(Pullback p) {
        return PullbackView.of(p, held(p), shareTables.inForce(p.programmeId, p.affectedFiscalYear));
    }
}
