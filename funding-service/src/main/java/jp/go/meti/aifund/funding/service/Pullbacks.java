package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.domain.Money;
import jp.go.meti.aifund.funding.domain.PullbackDecision;
import jp.go.meti.aifund.funding.domain.TrancheAction;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.aggregate.Pullback;
import jp.go.meti.aifund.funding.repository.PullbackRepository;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.Views.PullbackView;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.LargestRemainder;
import jp.go.meti.aifund.platform.messaging.IncomingEvent;
import jp.go.meti.aifund.platform.rest.ETags;

/**
 * Pullback recommendations and the ministry's decisions on them. A recommendation puts every
 * not-yet-disbursed gated tranche of the affected year ON_HOLD, each a ledger entry naming it. One
 * METI official proposes a decision, another confirms it (four eyes): lift the hold, reduce by the
 * recommendation or by an amount (split across the held tranches by their amounts, so the parts add
 * up exactly; the reduced money returns to the headroom), or cancel.
 */
@ApplicationScoped
public class Pullbacks {

    public static final String RECOMMENDED = "jp.go.meti.aifund.pullback.recommended.v1";
    private static final String SYSTEM = "notification-service";
    private static final Logger LOG = Logger.getLogger(Pullbacks.class);

    public record Propose(@NotNull PullbackDecision decision, @Positive @Max(Money.MAX_CEILING) Long amount,
            @NotBlank @Size(max = 2000) String reason) {
    }

    private final ProgrammeRepository programmes;
    private final TrancheRepository tranches;
    private final PullbackRepository pullbacks;
    private final TrancheService trancheService;
    private final Clock clock;
    private final ETags etags;

    public Pullbacks(ProgrammeRepository programmes, TrancheRepository tranches,
            PullbackRepository pullbacks, TrancheService trancheService, Clock clock, ETags etags) {
        this.etags = etags;
        this.programmes = programmes;
        this.tranches = tranches;
        this.pullbacks = pullbacks;
        this.trancheService = trancheService;
        this.clock = clock;
    }

    /** Runs in the transaction that records the event as applied ({@code EventConsumer}): once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(IncomingEvent event) {
        JsonNode d = event.data();
        UUID programmeId = UUID.fromString(d.get("programmeId").asText());
        if (programmes.findByIdOptional(programmeId).isEmpty()) {
            LOG.infof("recommendation %s is about programme %s, unknown here; ignored", event.id(), programmeId);
            return;
        }
        programmes.lock(programmeId);
        Pullback p = new Pullback();
        p.id = UUID.fromString(d.get("recommendationId").asText());
        p.programmeId = programmeId;
        p.reviewId = UUID.fromString(d.get("reviewId").asText());
        p.reviewedFiscalYear = d.get("reviewedFiscalYear").asInt();
        p.affectedFiscalYear = d.get("affectedFiscalYear").asInt();
        p.scoreBasisPoints = d.get("scoreBasisPoints").asInt();
        p.plannedAmount = d.get("plannedAmount").asLong();
        p.recommendedReduction = d.get("recommendedReduction").asLong();
        p.policyVersion = d.get("policyVersion").asText();
        p.parts = d.get("parts").toString();
        p.receivedAt = clock.instant();
        p.state = Pullback.HOLDING;
        String reason = String.format("pullback recommendation %s: FY%d review %s missed critical milestone(s) %s; "
                + "recommended reduction ¥%,d (policy %s)", p.id, p.reviewedFiscalYear, p.reviewId,
                d.get("criticalMissed"), p.recommendedReduction, p.policyVersion);
        List<String> held = new ArrayList<>();
        for (Tranche t : tranches.list("programmeId = ?1 and fiscalYear = ?2 and gatedByReviewYear = ?3",
                Sort.by("createdAt").and("id"), programmeId, p.affectedFiscalYear, p.reviewedFiscalYear)) {
            if (t.state.isOpen() && t.state != TrancheState.ON_HOLD) {
                trancheService.decided(programmeId, t.id, TrancheAction.HOLD, 0, SYSTEM, reason);
                held.add(t.id.toString());
            }
        }
        p.heldTrancheIds = String.join(",", held);
        pullbacks.persist(p);
    }

    public List<PullbackView> ofProgramme(UUID programmeId) {
        programmes.get(programmeId);
        return pullbacks.list("programmeId", Sort.by("receivedAt"), programmeId).stream().map(PullbackView::of).toList();
    }

    public PullbackView get(UUID programmeId, UUID id) {
        return PullbackView.of(pullbacks.get(programmeId, id));
    }

    /** A METI official proposes the decision; it takes effect only when another confirms it. */
    @Transactional
    @Audited(value = "pullback.decision-proposed", subject = 1)
    public PullbackView propose(UUID programmeId, UUID id, @Valid Propose command, String actor, String ifMatch) {
        programmes.lock(programmeId);
        Pullback p = pullbacks.get(programmeId, id);
        etags.require(ifMatch, PullbackView.of(p));
        if (Pullback.DECIDED.equals(p.state)) {
            throw new ConflictException("the ministry already decided on recommendation " + id + ": " + p.decision);
        }
        if ((command.decision() == PullbackDecision.REDUCE_BY_AMOUNT) != (command.amount() != null)) {
            throw new InvalidRequestException("amount", "is required for REDUCE_BY_AMOUNT, and only for it");
        }
        p.state = Pullback.PROPOSED;
        p.decision = command.decision();
        p.decisionAmount = command.decision() == PullbackDecision.REDUCE_BY_RECOMMENDATION ? Long.valueOf(p.recommendedReduction)
                : command.amount();
        p.decisionReason = command.reason().strip();
        p.proposedBy = actor;
        p.proposedAt = clock.instant();
        return PullbackView.of(p);
    }

    /** Another METI official confirms the proposal; the held tranches change accordingly. */
    @Transactional
    @Audited(value = "pullback.decision-confirmed", subject = 1)
    public PullbackView confirm(UUID programmeId, UUID id, String actor, String ifMatch) {
        programmes.lock(programmeId);
        Pullback p = pullbacks.get(programmeId, id);
        etags.require(ifMatch, PullbackView.of(p));
        if (!Pullback.PROPOSED.equals(p.state)) {
            throw new ConflictException("recommendation " + id + " has no proposed decision to confirm (" + p.state + ")");
        }
        FourEyes.requireDifferent("this decision", p.proposedBy, "proposed", actor, "confirm");
        List<Tranche> held = p.heldTranches().stream().map(t -> tranches.get(programmeId, t))
                .filter(t -> t.state == TrancheState.ON_HOLD).toList();
        String reason = "ministry decision " + p.decision + " on pullback recommendation " + p.id + ", proposed by "
                + p.proposedBy + ", confirmed by " + actor + ": " + p.decisionReason;
        switch (p.decision) {
            case LIFT -> held.forEach(t -> trancheService.decided(programmeId, t.id, TrancheAction.RELEASE, 0, actor, reason));
            case CANCEL -> held.forEach(t -> trancheService.decided(programmeId, t.id, TrancheAction.CANCEL, 0, actor, reason));
            case REDUCE_BY_RECOMMENDATION, REDUCE_BY_AMOUNT -> reduce(programmeId, held, p.decisionAmount, actor, reason);
        }
        p.state = Pullback.DECIDED;
        p.decidedBy = actor;
        p.decidedAt = clock.instant();
        return PullbackView.of(p);
    }

    /** Splits the reduction across the held tranches by their amounts; a tranche reduced to nothing is cancelled. */
    private void reduce(UUID programmeId, List<Tranche> held, long reduction, String actor, String reason) {
        long total = held.stream().mapToLong(t -> t.amount).sum();
        if (reduction > total) {
            throw new ConflictException(String.format("a reduction of ¥%,d exceeds the ¥%,d the held tranches still hold",
                    reduction, total));
        }
        if (held.isEmpty() || reduction == 0) {
            held.forEach(t -> trancheService.decided(programmeId, t.id, TrancheAction.RELEASE, 0, actor, reason));
            return;
        }
        // the tranche amounts as weights: each one's share of the reduction, rounded down, leftovers by largest remainder
        long[] cuts = LargestRemainder.split(reduction, held.stream().mapToLong(t -> t.amount).toArray());
        for (int i = 0; i < held.size(); i++) {
            Tranche t = held.get(i);
            long cut = cuts[i];
            TrancheAction action = cut == 0 ? TrancheAction.RELEASE : cut == t.amount ? TrancheAction.CANCEL
                    : TrancheAction.REDUCE;
            trancheService.decided(programmeId, t.id, action, t.amount - cut, actor, reason);
        }
    }
}
