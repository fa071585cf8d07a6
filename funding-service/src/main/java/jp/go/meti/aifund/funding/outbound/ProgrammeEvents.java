package jp.go.meti.aifund.funding.outbound;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.funding.config.FundingConfig;
import jp.go.meti.aifund.funding.domain.Gate;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Recipient;
import jp.go.meti.aifund.funding.repository.RecipientRepository;
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
    private final FundingConfig config;

    public ProgrammeEvents(Outbox outbox, EnvelopeRepository envelopes, RecipientRepository recipients,
            FundingConfig config) {
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.recipients = recipients;
        this.config = config;
    }

    public record ProgrammeEventData(UUID programmeId, String name, long ceiling, int firstFiscalYear,
            int lastFiscalYear, String commissioningMinistry, String executingAgency, long sequence,
            ProgrammeTotals totals, List<EnvelopeState> envelopes, List<RecipientState> recipients, Change change) {
    }

    public record EnvelopeState(int fiscalYear, long amount, long committed, long disbursed, long recovered, Gate gate) {

        static EnvelopeState of(Envelope e) {
            return new EnvelopeState(e.fiscalYear, e.amount, e.committed, e.disbursed, e.recovered, e.gate);
        }
    }

    public record RecipientState(UUID recipientId, String name, RecipientRole role, UUID consortiumId,
            Integer shareBasisPoints) {

        static RecipientState of(Recipient r) {
            return new RecipientState(r.id, r.name, r.role, r.consortiumId, r.shareBasisPoints);
        }
    }

    /**
     * What changed: the fiscal year of an envelope or gate, the recipient added; who, why and when;
     * the ledger entry of a change of money or gate (null for a recipient added), which orders it
     * among the tranche events' totals.
     */
    public record Change(ProgrammeChange kind, Integer fiscalYear, UUID recipientId, String actor, String reason,
            Instant recordedAt, Long ledgerEntryId) {
    }

    public static String typeOf(ProgrammeChange kind) {
        return TYPE_PREFIX + kind.eventName() + VERSION;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Programme p, ProgrammeChange kind, LedgerEntry entry, Integer fiscalYear, UUID recipientId,
            String actor, String reason, Instant at) {
        long sequence = p.nextEventSequence();
        Instant recordedAt = at.truncatedTo(ChronoUnit.MICROS); // as the ledger and PostgreSQL keep it
        ProgrammeEventData data = new ProgrammeEventData(p.id, p.name, p.ceiling, p.firstFiscalYear,
                p.lastFiscalYear, p.commissioningMinistry, p.executingAgency, sequence, ProgrammeTotals.of(p),
                envelopes.ofProgramme(p.id).stream().map(EnvelopeState::of).toList(),
                recipients.ofProgramme(p.id).stream().map(RecipientState::of).toList(),
                new Change(kind, fiscalYear, recipientId, actor, reason, recordedAt, entry == null ? null : entry.id));
        String type = typeOf(kind);
        outbox.add(config.programmeTopic(), CloudEvent.of(config.eventSource(), type, "programme/" + p.id,
                config.schemaBaseUri() + type + ".schema.json", p.id.toString(), recordedAt, data));
    }
}
