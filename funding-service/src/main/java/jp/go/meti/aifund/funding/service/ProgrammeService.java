package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.outbound.ProgrammeEvents;
import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.aggregate.Recipient;
import jp.go.meti.aifund.funding.repository.RecipientRepository;
import jp.go.meti.aifund.funding.repository.ShareTableRepository;
import jp.go.meti.aifund.funding.service.ProgrammeCommands.AddRecipient;
import jp.go.meti.aifund.funding.service.ProgrammeCommands.CreateProgramme;
import jp.go.meti.aifund.funding.service.ProgrammeCommands.OverrideGate;
import jp.go.meti.aifund.funding.service.ProgrammeCommands.SetEnvelope;
import jp.go.meti.aifund.funding.service.Views.EnvelopeView;
import jp.go.meti.aifund.funding.service.Views.ProgrammeView;
import jp.go.meti.aifund.funding.service.Views.RecipientView;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.platform.rest.Page;

/**
 * The programme, its fiscal-year envelopes (planned ≤ ceiling), their gates and its recipients.
 * Each change of these publishes the programme's state ({@link ProgrammeEvents}) in its transaction;
 * a request that changes nothing publishes nothing.
 */
@ApplicationScoped
public class ProgrammeService {

    private final ProgrammeRepository programmes;
    private final EnvelopeRepository envelopes;
    private final RecipientRepository recipients;
    private final ShareTableRepository shareTables;
    private final Ledger ledger;
    private final ReviewGates gates;
    private final ProgrammeEvents events;
    private final ETags etags;
    private final Clock clock;

    public ProgrammeService(ProgrammeRepository programmes, EnvelopeRepository envelopes,
            RecipientRepository recipients, ShareTableRepository shareTables, Ledger ledger, ReviewGates gates,
            ProgrammeEvents events, ETags etags, Clock clock) {
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.recipients = recipients;
        this.shareTables = shareTables;
        this.ledger = ledger;
        this.gates = gates;
        this.events = events;
        this.etags = etags;
        this.clock = clock;
    }

    @Transactional
    public ProgrammeView create(@Valid CreateProgramme command, String actor) {
        Programme p = Programme.create(command.name(), command.ceiling(), command.firstFiscalYear(),
                command.lastFiscalYear(), command.commissioningMinistry(), command.executingAgency(), actor,
                clock.instant());
        if (command.hearingDays() != null) {
            p.allowDaysToAnswer(command.hearingDays());
        }
        programmes.persist(p);
        LedgerEntry entry = ledger.record(p, p.created(), actor, "ceiling set at creation", null, p.createdAt);
        events.publish(p, ProgrammeChange.PROGRAMME_CREATED, entry, null, null, actor, null, p.createdAt);
        return ProgrammeView.of(p);
    }

    public Page<ProgrammeView> list(int page, int size) {
        return Page.of(programmes.findAll(io.quarkus.panache.common.Sort.by("createdAt").and("id")), page, size,
                ProgrammeView::of);
    }

    public ProgrammeView get(UUID id) {
        return ProgrammeView.of(programmes.get(id));
    }

    /** Sets the planned amount of a fiscal year; the envelopes together stay within the ceiling. */
    @Transactional
    public EnvelopeView setEnvelope(UUID programmeId, int fiscalYear, @Valid SetEnvelope command, String actor,
            String ifMatch) {
        Programme p = programmes.lock(programmeId);
        Envelope envelope = envelopes.find(programmeId, fiscalYear).orElseGet(() -> newEnvelope(p, fiscalYear));
        etags.require(ifMatch, envelope.isNew() ? null : EnvelopeView.of(envelope));
        if (!envelope.isNew() && envelope.amount == command.amount()) {
            return EnvelopeView.of(envelope); // PUT is idempotent: the same amount again changes nothing
        }
        boolean isNew = envelope.isNew();
        Movement movement = p.plan(envelope, command.amount());
        if (isNew) {
            envelopes.persist(envelope);
        }
        Instant now = clock.instant();
        LedgerEntry entry = ledger.record(p, movement, actor, command.reason(), null, now);
        events.publish(p, ProgrammeChange.ENVELOPE_SET, entry, fiscalYear, null, actor, command.reason(), now);
        return EnvelopeView.of(envelope);
    }

    public EnvelopeView envelope(UUID programmeId, int fiscalYear) {
        programmes.get(programmeId);
        return EnvelopeView.of(envelopes.get(programmeId, fiscalYear));
    }

    public List<EnvelopeView> envelopes(UUID programmeId) {
        programmes.get(programmeId);
        return envelopes.ofProgramme(programmeId).stream().map(EnvelopeView::of).toList();
    }

    /** A recorded ministry decision that opens a fiscal year's gate without a passed review. */
    @Transactional
    public EnvelopeView overrideGate(UUID programmeId, int fiscalYear, @Valid OverrideGate command, String actor,
            String ifMatch) {
        Programme p = programmes.lock(programmeId);
        p.requireWithin(fiscalYear, "fiscalYear");
        Envelope envelope = envelopes.get(programmeId, fiscalYear);
        etags.require(ifMatch, EnvelopeView.of(envelope));
        Instant now = clock.instant();
        p.overrideGate(envelope, command.reason(), actor, now).ifPresent(movement -> {
            LedgerEntry entry = ledger.record(p, movement, actor, command.reason(), null, now);
            events.publish(p, ProgrammeChange.GATE_OVERRIDDEN, entry, fiscalYear, null, actor, command.reason(), now);
        });
        return EnvelopeView.of(envelope);
    }

    @Transactional
    @Audited("recipient.added")
    public RecipientView addRecipient(UUID programmeId, @Valid AddRecipient command, String actor) {
        Programme p = programmes.lock(programmeId);
        if (recipients.nameTaken(programmeId, command.name())) {
            throw ConflictException.of("funding.recipient.name-taken", command.name());
        }
        Optional<Recipient> consortium = command.consortiumId() == null ? Optional.empty()
                : recipients.find("programmeId = ?1 and id = ?2", programmeId, command.consortiumId()).firstResultOptional();
        Recipient r = Recipient.add(programmeId, command.name(), command.role(), command.consortiumId(), consortium,
                command.shareBasisPoints(), recipients.ofProgramme(programmeId),
                shareTables.anyConfirmed(programmeId),
                clock.instant());
        recipients.persist(r);
        events.publish(p, ProgrammeChange.RECIPIENT_ADDED, null, null, r.id, actor, null, r.createdAt);
        return RecipientView.of(r);
    }

    public RecipientView recipient(UUID programmeId, UUID recipientId) {
        return RecipientView.of(recipients.get(programmeId, recipientId));
    }

    public List<RecipientView> recipients(UUID programmeId) {
        programmes.get(programmeId);
        return recipients.ofProgramme(programmeId).stream().map(RecipientView::of).toList();
    }

    /** A year not planned yet starts with the gate the reviews so far give it. */
    private Envelope newEnvelope(Programme p, int fiscalYear) {
        Envelope e = p.newEnvelope(fiscalYear);
        gates.initialize(e);
        return e;
    }
}
