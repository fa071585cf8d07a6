package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.domain.TrancheAction;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.MilestoneCopyRepository;
import jp.go.meti.aifund.funding.repository.RecipientRepository;
import jp.go.meti.aifund.funding.repository.ResultLinkRepository;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.TrancheCommands.Decision;
import jp.go.meti.aifund.funding.service.TrancheCommands.Disburse;
import jp.go.meti.aifund.funding.service.TrancheCommands.PlanTranche;
import jp.go.meti.aifund.funding.service.TrancheCommands.ReasonedDecision;
import jp.go.meti.aifund.funding.service.TrancheCommands.Recover;
import jp.go.meti.aifund.funding.service.TrancheCommands.Reduce;
import jp.go.meti.aifund.funding.service.Views.TrancheView;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.platform.rest.ETags;

/**
 * Every change of a tranche goes through here, and each one, in a single transaction: claims its
 * Idempotency-Key, locks the programme row, checks If-Match, lets the {@link Programme} make the
 * change (its rules: life cycle, four eyes, gate, the cumulative totals against the envelope and the
 * ceiling), then records the ledger entry and the outbox event.
 */
@ApplicationScoped
public class TrancheService {

    private final ProgrammeRepository programmes;
    private final EnvelopeRepository envelopes;
    private final RecipientRepository recipients;
    private final TrancheRepository tranches;
    private final MilestoneCopyRepository milestones;
    private final ResultLinkRepository links;
    private final Idempotency idempotency;
    private final Ledger ledger;
    private final ETags etags;
    private final Clock clock;

    public TrancheService(ProgrammeRepository programmes, EnvelopeRepository envelopes, RecipientRepository recipients,
            TrancheRepository tranches, MilestoneCopyRepository milestones, ResultLinkRepository links,
            Idempotency idempotency, Ledger ledger, ETags etags, Clock clock) {
        this.milestones = milestones;
        this.links = links;
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.recipients = recipients;
        this.tranches = tranches;
        this.idempotency = idempotency;
        this.ledger = ledger;
        this.etags = etags;
        this.clock = clock;
    }

    @Transactional
    public TrancheView plan(UUID programmeId, @Valid PlanTranche command, String actor, String key) {
        return idempotency.once(actor, key, List.of("plan", programmeId, command), TrancheView.class, () -> {
            Programme p = programmes.lock(programmeId);
            p.requireWithin(command.fiscalYear(), "fiscalYear");
            Envelope e = envelopes.find(programmeId, command.fiscalYear()).orElseThrow(() -> new InvalidRequestException(
                    "fiscalYear", new Text("funding.tranche.no-envelope", Text.fiscalYear(command.fiscalYear()))));
            if (recipients.find("programmeId = ?1 and id = ?2", programmeId, command.recipientId()).count() == 0) {
                throw new InvalidRequestException("recipientId", new Text("funding.recipient.unknown"));
            }
            Instant now = clock.instant();
            Tranche t;
            if (command.resultLink() == null) {
                t = p.planTranche(e, command.recipientId(), command.description(), command.amount(), actor, now);
            } else {
                var terms = command.resultLink();
                var planned = p.planResultLinked(e, command.recipientId(), command.description(), command.amount(),
                        milestones.named(terms.milestoneId()).ref(), terms.rule(), terms.rollOverUntil(), actor, now);
                links.persist(planned.link());
                t = planned.tranche();
            }
            tranches.persist(t);
            ledger.record(p, p.planned(t), actor, command.description(), key, now);
            return TrancheView.of(t);
        });
    }

    @Transactional
    public TrancheView approve(UUID programmeId, UUID trancheId, @Valid Decision command, String actor, String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.APPROVE, command, actor, command.reason(), key, ifMatch,
                (p, t, e, now) -> p.approve(t, e, actor, now));
    }

    @Transactional
    public TrancheView disburse(UUID programmeId, UUID trancheId, @Valid Disburse command, String actor, String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.DISBURSE, command, actor, command.reason(), key, ifMatch,
                (p, t, e, now) -> p.disburse(t, e, actor, command.disbursedOn(), FiscalYear.today(clock), now));
    }

    @Transactional
    public TrancheView hold(UUID programmeId, UUID trancheId, @Valid ReasonedDecision command, String actor, String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.HOLD, command, actor, command.reason(), key, ifMatch,
                (p, t, e, now) -> p.hold(t, now));
    }

    @Transactional
    public TrancheView release(UUID programmeId, UUID trancheId, @Valid ReasonedDecision command, String actor,
            String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.RELEASE, command, actor, command.reason(), key, ifMatch,
                (p, t, e, now) -> p.release(t, now));
    }

    @Transactional
    public TrancheView reduce(UUID programmeId, UUID trancheId, @Valid Reduce command, String actor, String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.REDUCE, command, actor, command.reason(), key, ifMatch,
                (p, t, e, now) -> p.reduce(requirePlan(t, TrancheAction.REDUCE), e, command.newAmount(), now));
    }

    @Transactional
    public TrancheView cancel(UUID programmeId, UUID trancheId, @Valid ReasonedDecision command, String actor,
            String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.CANCEL, command, actor, command.reason(), key, ifMatch,
                (p, t, e, now) -> p.cancel(requirePlan(t, TrancheAction.CANCEL), e, now));
    }

    @Transactional
    public TrancheView recover(UUID programmeId, UUID trancheId, @Valid Recover command, String actor, String key, String ifMatch) {
        return change(programmeId, trancheId, TrancheAction.RECOVER, command, actor, command.reason(), key, ifMatch,
                (p, t, e, now) -> p.recover(t, e, command.amount(), now));
    }

    /**
     * Only a plan is reduced or cancelled directly: once approved (交付決定), doing so is an adverse decision
     * the recipient is heard on first ({@link TrancheDecisions}).
     */
    private static Tranche requirePlan(Tranche t, TrancheAction action) {
        if (t.isApproved()) {
            throw ConflictException.of("funding.tranche.needs-hearing", t.id, new Text.Noun("funding",
                    "action." + action.name()), t.programmeId);
        }
        return t;
    }

    /** The programme's method for one change, run with the programme locked. */
    @FunctionalInterface
    private interface Change {
        Movement apply(Programme programme, Tranche tranche, Envelope envelope, Instant now);
    }

    /** A portal's request: once per Idempotency-Key, and only on the version it names in If-Match, if any. */
    private TrancheView change(UUID programmeId, UUID trancheId, TrancheAction action, Object command, String actor,
            String reason, String key, String ifMatch, Change change) {
        return idempotency.once(actor, key, List.of(action, programmeId, trancheId, command), TrancheView.class, () -> {
            Programme p = programmes.lock(programmeId);
            Tranche t = tranches.get(programmeId, trancheId);
            etags.require(ifMatch, TrancheView.of(t));
            Envelope e = envelopes.get(programmeId, t.fiscalYear);
            Instant now = clock.instant();
            ledger.record(p, change.apply(p, t, e, now), actor, reason, key, now);
            return TrancheView.of(t);
        });
    }
}
