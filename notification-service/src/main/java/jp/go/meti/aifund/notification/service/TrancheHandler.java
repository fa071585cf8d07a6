package jp.go.meti.aifund.notification.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

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
        Map<UUID, IncomingEvent> newest = new LinkedHashMap<>();
        Map<UUID, JsonNode> newestMembers = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            TrancheCopy tranche = copyOf(event.data());
            tranches.add(tranche);
            newest.merge(tranche.programmeId(), event, (a, b) -> ledgerEntryId(b) > ledgerEntryId(a) ? b : a);
            if (event.data().has("consortiumMembers")) {
                newestMembers.put(tranche.programmeId(), event.data().get("consortiumMembers"));
            }
        }
        readModel.saveTranches(tranches);
        newestMembers.forEach((programmeId, members) -> readModel.replaceMembers(programmeId, shares(members)));
        readModel.totals(newest.keySet()).forEach((programmeId, t) -> {
            IncomingEvent event = newest.get(programmeId);
            policy.onTotals(event.data().get("fiscalYear").asInt(), t.ceiling(), t.headroom())
                    .ifPresent(f -> warnings.raise(f, programmeId, List.of(event.id()), "CEILING_NEAR:" + programmeId));
        });
        newest.keySet().forEach(programmeId -> updated.fire(new ProgrammeUpdated(programmeId)));
    }

    private static TrancheCopy copyOf(JsonNode d) {
        UUID programmeId = UUID.fromString(d.get("programmeId").asText());
        JsonNode p = d.get("programme");
        return new TrancheCopy(UUID.fromString(d.get("trancheId").asText()), programmeId, d.get("fiscalYear").asInt(),
                UUID.fromString(d.get("recipientId").asText()), d.get("amount").asLong(), d.get("state").asText(),
                d.hasNonNull("gatedByReviewYear") ? d.get("gatedByReviewYear").asInt() : null,
                d.at("/change/ledgerEntryId").asLong(), d.at("/change/reason").isTextual() ? d.at("/change/reason").asText()
                        : null, java.time.Instant.parse(d.at("/change/recordedAt").asText()), new ProgrammeFigures(programmeId, p.get("ceiling").asLong(),
                        p.get("planned").asLong(), p.get("committed").asLong(), p.get("disbursed").asLong(),
                        p.get("recovered").asLong(), p.get("headroom").asLong()));
    }

    private static long ledgerEntryId(IncomingEvent event) {
        return event.data().at("/change/ledgerEntryId").asLong();
    }

    private static List<Share> shares(JsonNode members) {
        List<Share> shares = new ArrayList<>();
        for (JsonNode m : members) {
            shares.add(new Share(UUID.fromString(m.get("recipientId").asText()), m.get("name").asText(),
                    m.get("shareBasisPoints").asInt()));
        }
        return shares;
    }
}
