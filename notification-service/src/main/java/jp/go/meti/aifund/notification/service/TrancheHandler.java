package jp.go.meti.aifund.notification.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.contracts.tranche.TrancheData;
import jp.go.meti.aifund.contracts.tranche.TrancheProgramme;

import jp.go.meti.aifund.kernel.LargestRemainder.Share;
import jp.go.meti.aifund.notification.domain.PullbackPolicy;
import jp.go.meti.aifund.notification.repository.ReadModel;
import jp.go.meti.aifund.notification.repository.ReadModel.ProgrammeFigures;
import jp.go.meti.aifund.notification.repository.ReadModel.TrancheCopy;
import jp.go.meti.aifund.platform.messaging.IncomingEvent;

/**
 * Applies tranche events once, a poll's worth at a time: keeps the tranches, each programme's
 * newest totals and consortium shares, and warns when a programme's headroom is under the
 * configured share of the ceiling. The headroom is checked once per programme per batch, on its
 * newest totals: a dip under the threshold that a later event of the same batch undoes raises no
 * warning (live, a batch holds the events of a few milliseconds; in a replay, the past).
 */
@ApplicationScoped
public class TrancheHandler {

    private final ReadModel readModel;
    private final PullbackPolicy policy;
    private final Warnings warnings;
    private final Event<ProgrammeUpdated> updated;

    public TrancheHandler(ReadModel readModel, PullbackPolicy policy, Warnings warnings,
            Event<ProgrammeUpdated> updated) {
        this.updated = updated;
        this.readModel = readModel;
        this.policy = policy;
        this.warnings = warnings;
    }

    /** Runs in the transaction that records the events as applied ({@code EventConsumer}): once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<IncomingEvent> events) {
        List<TrancheCopy> tranches = new ArrayList<>(events.size());
        Map<UUID, Read> newest = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            Read read = new Read(event.id(), event.data(TrancheData.class));
            tranches.add(copyOf(read.data()));
            newest.merge(read.data().getProgrammeId(), read, (a, b) -> ledgerEntryId(b) > ledgerEntryId(a) ? b : a);
        }
        readModel.saveTranches(tranches);
        newest.forEach((programmeId, read) -> readModel.replaceMembers(programmeId, shares(read.data())));
        readModel.totals(newest.keySet()).forEach((programmeId, t) -> {
            Read read = newest.get(programmeId);
            policy.onTotals(Math.toIntExact(read.data().getFiscalYear()), t.ceiling(), t.headroom())
                    .ifPresent(f -> warnings.raise(f, programmeId, List.of(read.eventId()), "CEILING_NEAR:" + programmeId));
        });
        newest.keySet().forEach(programmeId -> updated.fire(new ProgrammeUpdated(programmeId)));
    }

    private record Read(UUID eventId, TrancheData data) {
    }

    private static TrancheCopy copyOf(TrancheData d) {
        TrancheProgramme p = d.getProgramme();
        return new TrancheCopy(d.getTrancheId(), d.getProgrammeId(), Math.toIntExact(d.getFiscalYear()),
                d.getRecipientId(), d.getAmount(), d.getState().value(),
                d.getGatedByReviewYear() == null ? null : Math.toIntExact(d.getGatedByReviewYear()),
                d.getChange().getLedgerEntryId(), d.getChange().getReason(), d.getChange().getRecordedAt(),
                new ProgrammeFigures(d.getProgrammeId(), p.getCeiling(), p.getPlanned(), p.getCommitted(),
                        p.getDisbursed(), p.getRecovered(), p.getHeadroom()));
    }

    private static long ledgerEntryId(Read read) {
        return read.data().getChange().getLedgerEntryId();
    }

    /** The consortium's members as the newest event of the batch names them. */
    private static List<Share> shares(TrancheData d) {
        return d.getConsortiumMembers().stream().map(m -> new Share(m.getRecipientId(), m.getName(),
                Math.toIntExact(m.getShareBasisPoints()))).toList();
    }
}
