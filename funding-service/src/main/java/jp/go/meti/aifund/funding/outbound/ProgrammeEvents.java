package jp.go.meti.aifund.funding.outbound;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.contracts.programme.ProgrammeData;
import jp.go.meti.aifund.contracts.programme.ProgrammeBudgetDecision;
import jp.go.meti.aifund.contracts.programme.ProgrammeEnvelope;
import jp.go.meti.aifund.contracts.programme.ProgrammeHearing;
import jp.go.meti.aifund.contracts.programme.ProgrammeObjection;
import jp.go.meti.aifund.contracts.programme.ProgrammePart;
import jp.go.meti.aifund.contracts.programme.ProgrammeRecipient;
import jp.go.meti.aifund.contracts.programme.ProgrammeShare;
import jp.go.meti.aifund.contracts.programme.ProgrammeShareTable;
import jp.go.meti.aifund.funding.config.FundingConfig;
import jp.go.meti.aifund.funding.domain.AffectedMembers.MemberAmount;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.aggregate.BudgetDecision;
import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.aggregate.Hearing;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Objection;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Recipient;
import jp.go.meti.aifund.funding.repository.RecipientRepository;
import jp.go.meti.aifund.funding.repository.ShareTableRepository;
import jp.go.meti.aifund.funding.aggregate.ShareTable;
import jp.go.meti.aifund.platform.messaging.CloudEvent;
import jp.go.meti.aifund.platform.messaging.Outbox;

/**
 * Maps a change of a programme (not of its tranches) to its event,
 * {@code jp.go.meti.aifund.programme.<change>.v1}, carrying the programme's whole state after the
 * change, and writes it to the outbox in the transaction of the change. Each event of a programme
 * takes the next {@code sequence}, counted on the programme's row, which the caller holds locked
 * (or has just created), so consumers can keep the latest snapshot whatever order they see.
 */
@ApplicationScoped
public class ProgrammeEvents {

    public static final String TYPE_PREFIX = "jp.go.meti.aifund.programme.";
    public static final String VERSION = ".v1";

    private final Outbox outbox;
    private final EnvelopeRepository envelopes;
    private final RecipientRepository recipients;
    private final ShareTableRepository shareTables;
    private final FundingConfig config;

    public ProgrammeEvents(Outbox outbox, EnvelopeRepository envelopes, RecipientRepository recipients,
            ShareTableRepository shareTables, FundingConfig config) {
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.recipients = recipients;
        this.shareTables = shareTables;
        this.config = config;
    }

    public static String typeOf(ProgrammeChange kind) {
        return TYPE_PREFIX + kind.eventName() + VERSION;
    }

    /**
     * Writes the programme's state after {@code kind}: the fiscal year of an envelope or gate, the
     * recipient added; who, why and when; the ledger entry of a change of money or gate (null for a
     * recipient added), which orders it among the tranche events' totals.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Programme p, ProgrammeChange kind, LedgerEntry entry, Integer fiscalYear, UUID recipientId,
            String actor, String reason, Instant at) {
        write(p, change(kind, entry, actor, reason, at).withFiscalYear(fiscalYear).withRecipientId(recipientId));
    }

    /** Writes the programme's state after a share table was proposed, confirmed or rejected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Programme p, ProgrammeChange kind, ShareTable table, String actor, String reason, Instant at) {
        write(p, change(kind, null, actor, reason, at).withShareTableId(table.id));
    }

    /** Writes the programme's state after a budget decision was proposed, confirmed (its last ledger entry) or rejected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Programme p, ProgrammeChange kind, LedgerEntry entry, BudgetDecision decision, String actor,
            String reason, Instant at) {
        write(p, change(kind, entry, actor, reason, at).withFiscalYear(decision.fiscalYear)
                .withBudgetDecision(budgetDecision(decision)));
    }

    /**
     * Writes the programme's state when notice of an adverse proposal was given (the hearing opened), when
     * the recipient answered it, or when the hearing closed ({@code kind}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Programme p, ProgrammeChange kind, Hearing h, List<MemberAmount> parts, String actor,
            Instant at) {
        write(p, change(kind, null, actor, h.grounds, at).withHearing(hearing(h, parts)));
    }

    /**
     * Writes the programme's state when the recipient objected to the decision a hearing concluded, or
     * when the objection was ruled on ({@code kind}); an upheld objection's reinstatements are tranche events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Programme p, ProgrammeChange kind, Hearing h, List<MemberAmount> parts, Objection o,
            String actor, String reason, Instant at) {
        write(p, change(kind, null, actor, reason, at).withHearing(hearing(h, parts))
                .withObjection(new ProgrammeObjection().withObjectionId(o.id).withHearingId(h.id)
                        .withRecipientId(o.recipientId).withGrounds(o.grounds).withFiledBy(o.filedBy)
                        .withFileBy(o.fileBy).withState(ProgrammeObjection.State.fromValue(o.state.name()))
                        .withRuling(o.ruling).withRuledBy(o.ruledBy).withReinstated(o.reinstated)));
    }

    private static ProgrammeHearing hearing(Hearing h, List<MemberAmount> parts) {
        return new ProgrammeHearing().withHearingId(h.id)
                .withSubject(ProgrammeHearing.Subject.fromValue(h.subject.name())).withSubjectId(h.subjectId)
                .withRecipientId(h.recipientId).withProposedDecision(h.proposedDecision)
                .withFiscalYear((long) h.fiscalYear).withGrounds(h.grounds)
                .withAmount(h.amount).withParts(parts.stream().map(m -> new ProgrammePart()
                        .withRecipientId(m.recipientId()).withName(m.name()).withAmount(m.amount())).toList())
                .withAnswerBy(h.answerBy).withState(ProgrammeHearing.State.fromValue(h.state.name()))
                .withRespondedBy(h.respondedBy);
    }

    /** Who, why and when, as PostgreSQL and the ledger keep the time; the entry of a change of money, if any. */
    private static jp.go.meti.aifund.contracts.programme.ProgrammeChange change(ProgrammeChange kind, LedgerEntry entry,
            String actor, String reason, Instant at) {
        return new jp.go.meti.aifund.contracts.programme.ProgrammeChange()
                .withKind(jp.go.meti.aifund.contracts.programme.ProgrammeChange.Kind.fromValue(kind.name()))
                .withActor(actor).withReason(reason).withRecordedAt(at.truncatedTo(ChronoUnit.MICROS))
                .withLedgerEntryId(entry == null ? null : entry.id);
    }

    private void write(Programme p, jp.go.meti.aifund.contracts.programme.ProgrammeChange change) {
        long sequence = p.nextEventSequence();
        Map<UUID, String> names = recipients.names(p.id);
        ProgrammeData data = new ProgrammeData().withProgrammeId(p.id).withName(p.name).withCeiling(p.ceiling)
                .withFirstFiscalYear((long) p.firstFiscalYear).withLastFiscalYear((long) p.lastFiscalYear)
                .withCommissioningMinistry(p.commissioningMinistry).withExecutingAgency(p.executingAgency)
                .withSequence(sequence).withState(ProgrammeData.State.fromValue(p.state.name())).withTotals(ProgrammeTotals.of(p).asProgrammePart())
                .withEnvelopes(envelopes.ofProgramme(p.id).stream().map(ProgrammeEvents::envelope).toList())
                .withRecipients(recipients.ofProgramme(p.id).stream().map(ProgrammeEvents::recipient).toList())
                .withShareTables(shareTables.ofProgramme(p.id).stream().map(t -> shareTable(t, names)).toList())
                .withChange(change);
        String type = typeOf(ProgrammeChange.valueOf(change.getKind().value()));
        outbox.add(config.programmeTopic(), CloudEvent.of(config.eventSource(), type, "programme/" + p.id,
                config.schemaBaseUri() + type + ".schema.json", p.id.toString(), change.getRecordedAt(), data));
    }

    private static ProgrammeEnvelope envelope(Envelope e) {
        return new ProgrammeEnvelope().withFiscalYear((long) e.fiscalYear).withAmount(e.amount)
                .withCommitted(e.committed).withDisbursed(e.disbursed).withRecovered(e.recovered)
                .withGate(ProgrammeEnvelope.Gate.fromValue(e.gate.name())).withCarriedIn(e.carriedIn)
                .withCarriedOut(e.carriedOut).withLapsed(e.lapsed).withReappropriated(e.reappropriated)
                .withClosedAt(e.closedAt == null ? null : e.closedAt.truncatedTo(ChronoUnit.MICROS));
    }

    private static ProgrammeBudgetDecision budgetDecision(BudgetDecision d) {
        return new ProgrammeBudgetDecision().withBudgetDecisionId(d.id)
                .withKind(ProgrammeBudgetDecision.Kind.fromValue(d.kind.name()))
                .withState(ProgrammeBudgetDecision.State.fromValue(d.state.name())).withFiscalYear(
                        d.fiscalYear == null ? null : d.fiscalYear.longValue())
                .withAmount(d.amount).withTrancheIds(d.tranches()).withNewCeiling(d.newCeiling)
                .withGrounds(d.grounds == null ? null : ProgrammeBudgetDecision.Grounds.fromValue(d.grounds.name()))
                .withReturnDeadline(d.returnDeadline)
                .withProposedBy(d.proposedBy).withDecidedBy(d.decidedBy);
    }

    private static ProgrammeShareTable shareTable(ShareTable t, Map<UUID, String> names) {
        return new ProgrammeShareTable().withShareTableId(t.id).withEffectiveFrom(t.effectiveFrom)
                .withState(ProgrammeShareTable.State.fromValue(t.state.name())).withReason(t.reason)
                .withProposedBy(t.proposedBy).withProposedAt(t.proposedAt.truncatedTo(ChronoUnit.MICROS))
                .withDecidedBy(t.decidedBy).withDecidedAt(t.decidedAt == null ? null : t.decidedAt.truncatedTo(ChronoUnit.MICROS))
                .withShares(t.shares(names).stream().map(s -> new ProgrammeShare().withRecipientId(s.recipientId())
                        .withName(s.name()).withShareBasisPoints((long) s.basisPoints())).toList());
    }

    private static ProgrammeRecipient recipient(Recipient r) {
        return new ProgrammeRecipient().withRecipientId(r.id).withName(r.name)
                .withRole(ProgrammeRecipient.Role.fromValue(r.role.name())).withConsortiumId(r.consortiumId)
                .withShareBasisPoints(r.shareBasisPoints == null ? null : r.shareBasisPoints.longValue());
    }
}
