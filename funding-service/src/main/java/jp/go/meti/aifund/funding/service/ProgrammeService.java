package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import jp.go.meti.aifund.funding.domain.Gate;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.LimitExceededException;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.funding.outbound.ProgrammeEvents;
import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.aggregate.Recipient;
import jp.go.meti.aifund.funding.repository.RecipientRepository;
import jp.go.meti.aifund.funding.service.ProgrammeCommands.AddRecipient;
import jp.go.meti.aifund.funding.service.ProgrammeCommands.CreateProgramme;
import jp.go.meti.aifund.funding.service.ProgrammeCommands.OverrideGate;
import jp.go.meti.aifund.funding.service.ProgrammeCommands.SetEnvelope;
import jp.go.meti.aifund.funding.service.Views.EnvelopeView;
import jp.go.meti.aifund.funding.service.Views.ProgrammeView;
import jp.go.meti.aifund.funding.service.Views.RecipientView;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
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
    private final Ledger ledger;
    private final ReviewGates gates;
    private final ProgrammeEvents events;
    private final ETags etags;
    private final Clock clock;

    public ProgrammeService(ProgrammeRepository programmes, EnvelopeRepository envelopes,
            RecipientRepository recipients, Ledger ledger, ReviewGates gates, ProgrammeEvents events, ETags etags,
            Clock clock) {
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.recipients = recipients;
        this.ledger = ledger;
        this.gates = gates;
        this.events = events;
        this.etags = etags;
        this.clock = clock;
    }

    @Transactional
    public ProgrammeView create(@Valid CreateProgramme command, String actor) {
        if (command.lastFiscalYear() < command.firstFiscalYear()) {
            throw new InvalidRequestException("lastFiscalYear", "must not be before firstFiscalYear");
        }
        Programme p = new Programme();
        p.id = UUID.randomUUID();
        p.name = command.name();
        p.ceiling = command.ceiling();
        p.firstFiscalYear = command.firstFiscalYear();
        p.lastFiscalYear = command.lastFiscalYear();
        p.commissioningMinistry = command.commissioningMinistry();
        p.executingAgency = command.executingAgency();
        p.createdBy = actor;
        p.createdAt = clock.instant();
        programmes.persist(p);
        Programme.Balances before = p.balances();
        LedgerEntry entry = ledger.record(p, before, new Ledger.Change(LedgerKind.PROGRAMME_CREATED, null, null, p.ceiling, actor,
                "ceiling set at creation", null), p.createdAt);
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
        requireWithinProgramme(p, fiscalYear, "fiscalYear");
        Envelope envelope = envelopes.find(programmeId, fiscalYear).orElseGet(() -> newEnvelope(p, fiscalYear));
        etags.require(ifMatch, envelope.id == null ? null : EnvelopeView.of(envelope));
        long amount = command.amount();
        if (envelope.id != null && envelope.amount == amount) {
            return EnvelopeView.of(envelope); // PUT is idempotent: the same amount again changes nothing
        }
        long plannedWithoutThisYear = p.planned - envelope.amount;
        if (amount > p.ceiling - plannedWithoutThisYear) {
            throw new LimitExceededException("the programme ceiling (sum of the envelopes)", p.ceiling,
                    plannedWithoutThisYear, amount);
        }
        envelope.apply(envelope.exposure().withLimit(amount));
        Programme.Balances before = p.balances();
        p.planned = plannedWithoutThisYear + amount;
        if (envelope.id == null) {
            envelope.id = UUID.randomUUID();
            envelopes.persist(envelope);
        }
        Instant now = clock.instant();
        LedgerEntry entry = ledger.record(p, before, new Ledger.Change(LedgerKind.ENVELOPE_SET, null, fiscalYear, amount, actor,
                command.reason(), null), now);
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
        requireWithinProgramme(p, fiscalYear, "fiscalYear");
        Envelope envelope = envelopes.get(programmeId, fiscalYear);
        etags.require(ifMatch, EnvelopeView.of(envelope));
        if (envelope.gate == Gate.NOT_GATED) {
            throw new ConflictException("FY" + fiscalYear + " is the programme's first year and has no gate");
        }
        if (envelope.gate == Gate.OPEN) {
            return EnvelopeView.of(envelope);
        }
        Instant now = clock.instant();
        envelope.gate = Gate.OPEN;
        envelope.gateReason = command.reason();
        envelope.gateSetBy = actor;
        envelope.gateSetAt = now;
        LedgerEntry entry = ledger.record(p, p.balances(), new Ledger.Change(LedgerKind.GATE_OVERRIDDEN, null, fiscalYear, 0, actor,
                command.reason(), null), now);
        events.publish(p, ProgrammeChange.GATE_OVERRIDDEN, entry, fiscalYear, null, actor, command.reason(), now);
        return EnvelopeView.of(envelope);
    }

    @Transactional
    @Audited("recipient.added")
    public RecipientView addRecipient(UUID programmeId, @Valid AddRecipient command, String actor) {
        Programme p = programmes.lock(programmeId);
        if (recipients.nameTaken(programmeId, command.name())) {
            throw new ConflictException("a recipient named " + command.name() + " already exists in this programme");
        }
        Recipient r = new Recipient();
        r.id = UUID.randomUUID();
        r.programmeId = programmeId;
        r.name = command.name();
        r.role = command.role();
        r.createdAt = clock.instant();
        if (command.role() == RecipientRole.CONSORTIUM) {
            if (command.consortiumId() != null || command.shareBasisPoints() != null) {
                throw new InvalidRequestException("consortiumId", "must be absent for a consortium, as must shareBasisPoints");
            }
        } else {
            r.consortiumId = requireConsortium(programmeId, command.consortiumId());
            r.shareBasisPoints = requireShare(programmeId, command);
        }
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

    static void requireWithinProgramme(Programme p, int fiscalYear, String field) {
        if (!p.coversFiscalYear(fiscalYear)) {
            throw new InvalidRequestException(field, "FY" + fiscalYear + " is outside the programme's FY"
                    + p.firstFiscalYear + "–FY" + p.lastFiscalYear);
        }
    }

    private Envelope newEnvelope(Programme p, int fiscalYear) {
        Envelope e = new Envelope();
        e.programmeId = p.id;
        e.fiscalYear = fiscalYear;
        e.gate = Gate.initial(fiscalYear, p.firstFiscalYear);
        gates.initialize(e);
        return e;
    }

    private UUID requireConsortium(UUID programmeId, UUID consortiumId) {
        if (consortiumId == null) {
            throw new InvalidRequestException("consortiumId", "is required for a member or research partner");
        }
        Recipient consortium = recipients.find("programmeId = ?1 and id = ?2", programmeId, consortiumId)
                .firstResultOptional()
                .orElseThrow(() -> new InvalidRequestException("consortiumId", "names no recipient of this programme"));
        if (consortium.role != RecipientRole.CONSORTIUM) {
            throw new InvalidRequestException("consortiumId", "must name a consortium, not a " + consortium.role);
        }
        return consortiumId;
    }

    private Integer requireShare(UUID programmeId, AddRecipient command) {
        if (command.role() == RecipientRole.RESEARCH_PARTNER) {
            return command.shareBasisPoints();
        }
        if (command.shareBasisPoints() == null) {
            throw new InvalidRequestException("shareBasisPoints", "is required for a member (10000 = 100 %)");
        }
        long taken = recipients.ofProgramme(programmeId).stream()
                .filter(r -> r.role == RecipientRole.MEMBER && command.consortiumId().equals(r.consortiumId))
                .mapToLong(r -> r.shareBasisPoints).sum();
        if (taken + command.shareBasisPoints() > 10_000) {
            throw new InvalidRequestException("shareBasisPoints", "would bring the members' shares to "
                    + (taken + command.shareBasisPoints()) + " basis points, over 10000");
        }
        return command.shareBasisPoints();
    }
}
