package jp.go.meti.aifund.funding.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.funding.config.FundingConfig;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.repository.RecipientRepository;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.platform.messaging.CloudEvent;
import jp.go.meti.aifund.platform.messaging.Outbox;

/**
 * Maps a change of a tranche to its event, {@code jp.go.meti.aifund.tranche.<change>.v1}, and
 * writes it to the outbox in the transaction of the change. The data is a record of its own (the
 * published contract in contracts/), never an entity.
 */
@ApplicationScoped
public class TrancheEvents {

    public static final String TYPE_PREFIX = "jp.go.meti.aifund.tranche.";
    public static final String VERSION = ".v1";

    private final Outbox outbox;
    private final RecipientRepository recipients;
    private final FundingConfig config;

    public TrancheEvents(Outbox outbox, RecipientRepository recipients, FundingConfig config) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.config = config;
    }

    public record TrancheEventData(UUID programmeId, UUID trancheId, int fiscalYear, UUID recipientId,
            TrancheState state, long amount, long originalAmount, long recoveredAmount, Integer gatedByReviewYear,
            Change change, ProgrammeTotals programme, List<Member> consortiumMembers) {
    }

    /** A consortium member and its share, for the pullback split. */
    public record Member(UUID recipientId, String name, int shareBasisPoints) {
    }

    public record Change(long ledgerEntryId, LedgerKind kind, long amount, String actor, String reason,
            Instant recordedAt) {
    }

    public static String typeOf(LedgerKind kind) {
        return TYPE_PREFIX + kind.name().substring("TRANCHE_".length()).toLowerCase(Locale.ROOT) + VERSION;
    }

    public void publish(Programme p, Tranche t, LedgerEntry entry) {
        String type = typeOf(entry.kind);
        TrancheEventData data = new TrancheEventData(p.id, t.id, t.fiscalYear, t.recipientId, t.state, t.amount,
                t.originalAmount, t.recoveredAmount, t.gatedByReviewYear,
                new Change(entry.id, entry.kind, entry.amount, entry.actor, entry.reason, entry.recordedAt),
                ProgrammeTotals.of(p),
                recipients.ofProgramme(p.id).stream()
                        .filter(r -> r.role == RecipientRole.MEMBER && r.shareBasisPoints != null)
                        .map(r -> new Member(r.id, r.name, r.shareBasisPoints)).toList());
        String schema = config.schemaBaseUri() + type + ".schema.json";
        outbox.add(config.trancheTopic(), CloudEvent.of(config.eventSource(), type, "tranche/" + t.id, schema,
                p.id.toString(), entry.recordedAt, data));
    }
}
