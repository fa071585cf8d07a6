package jp.go.meti.aifund.funding.outbound;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.contracts.tranche.TrancheChange;
import jp.go.meti.aifund.contracts.tranche.TrancheConsortiumMember;
import jp.go.meti.aifund.contracts.tranche.TrancheData;
import jp.go.meti.aifund.contracts.tranche.TrancheResultLink;
import jp.go.meti.aifund.funding.config.FundingConfig;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.SharesInForce;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.ResultLink;
import jp.go.meti.aifund.funding.repository.ShareTableRepository;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.platform.messaging.CloudEvent;
import jp.go.meti.aifund.platform.messaging.Outbox;

/**
 * Maps a change of a tranche to its event, {@code jp.go.meti.aifund.tranche.<change>.v1}, and
 * writes it to the outbox in the transaction of the change. The data is built from the type
 * generated from its schema in contracts/, never an entity.
 */
@ApplicationScoped
public class TrancheEvents {

    public static final String TYPE_PREFIX = "jp.go.meti.aifund.tranche.";
    public static final String VERSION = ".v1";

    private final Outbox outbox;
    private final ShareTableRepository shareTables;
    private final FundingConfig config;

    /** The shares a tranche event of {@code fiscalYear} carries. */
    public SharesInForce sharesOf(UUID programmeId, int fiscalYear) {
        return shareTables.inForce(programmeId, fiscalYear);
    }

    public TrancheEvents(Outbox outbox, ShareTableRepository shareTables, FundingConfig config) {
        this.outbox = outbox;
        this.shareTables = shareTables;
        this.config = config;
    }

    public static String typeOf(LedgerKind kind) {
        return TYPE_PREFIX + kind.name().substring("TRANCHE_".length()).toLowerCase(Locale.ROOT).replace('_', '-')
                + VERSION;
    }

    private static TrancheResultLink resultLink(ResultLink l, boolean awaitingResult) {
        return new TrancheResultLink().withResultLinkId(l.id).withMilestoneId(l.milestoneId)
                .withMilestoneCode(l.milestoneCode).withMilestoneFiscalYear((long) l.milestoneFiscalYear)
                .withGoalId(l.goalId).withRule(TrancheResultLink.Rule.fromValue(l.rule.name()))
                .withRollOverUntil(l.rollOverUntil == null ? null : l.rollOverUntil.longValue())
                .withAllocation(l.allocation).withAwaitingResult(awaitingResult).withAssessedByReviewId(l.assessedByReview)
                .withAssessedRevision(l.isAssessed() ? (long) l.assessedRevision : null).withAchievement(l.achievement)
                .withMet(l.met).withEarned(l.earned).withRolledOver(l.rolledOver).withLapsed(l.lapsed)
                .withOverpaid(l.overpaid).withRolledOverFrom(l.rolledOverFrom).withRolledOverTo(l.rolledOverTo);
    }

    /** The tranche's event after {@code entry}, with the shares in force in its year ({@link #sharesOf}). */
    public void publish(Programme p, Tranche t, LedgerEntry entry, SharesInForce members) {
        String type = typeOf(entry.kind);
        TrancheData data = new TrancheData().withProgrammeId(p.id).withTrancheId(t.id).withFiscalYear((long) t.fiscalYear)
                .withRecipientId(t.recipientId).withState(TrancheData.State.fromValue(t.state.name()))
                .withAmount(t.amount).withOriginalAmount(t.originalAmount).withRecoveredAmount(t.recoveredAmount)
                .withGatedByReviewYear(t.gatedByReviewYear == null ? null : t.gatedByReviewYear.longValue())
                .withChange(new TrancheChange().withLedgerEntryId(entry.id)
                        .withKind(TrancheChange.Kind.fromValue(entry.kind.name())).withAmount(entry.amount)
                        .withActor(entry.actor).withReason(entry.reason).withRecordedAt(entry.recordedAt))
                .withProgramme(ProgrammeTotals.of(p).asTranchePart())
                .withConsortiumMembers(members.shares().stream()
                        .map(m -> new TrancheConsortiumMember().withRecipientId(m.recipientId()).withName(m.name())
                                .withShareBasisPoints((long) m.basisPoints()))
                        .toList())
                .withShareTableId(members.shareTableId())
                .withResultLink(t.resultLink == null ? null : resultLink(t.resultLink, t.awaitingResult))
                .withCarriedOverFrom(t.carriedOverFrom == null ? null : t.carriedOverFrom.longValue());
        String schema = config.schemaBaseUri() + type + ".schema.json";
        outbox.add(config.trancheTopic(), CloudEvent.of(config.eventSource(), type, "tranche/" + t.id, schema,
                p.id.toString(), entry.recordedAt, data));
    }
}
