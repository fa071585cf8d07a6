package jp.go.meti.aifund.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import jp.go.meti.aifund.platform.domain.LargestRemainder.Share;
import jp.go.meti.aifund.notification.domain.PullbackPolicy;
import jp.go.meti.aifund.notification.repository.ReadModel;
import jp.go.meti.aifund.platform.messaging.IncomingEvent;

/**
 * Applies a tranche event once: keeps the tranche, the programme's totals and the consortium's
 * shares, and warns when the headroom falls under the configured share of the ceiling.
 */
@ApplicationScoped
public class TrancheHandler {

    private final ReadModel readModel;
    private final PullbackPolicy policy;
    private final Warnings warnings;

    public TrancheHandler(ReadModel readModel, PullbackPolicy policy, Warnings warnings) {
        this.readModel = readModel;
        this.policy = policy;
        this.warnings = warnings;
    }

    /** Runs in the transaction that records the event as applied ({@code EventConsumer}): once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        JsonNode d = event.data();
        UUID programmeId = UUID.fromString(d.get("programmeId").asText());
        long ledgerEntryId = d.at("/change/ledgerEntryId").asLong();
        JsonNode totals = d.get("programme");
        readModel.saveTranche(UUID.fromString(d.get("trancheId").asText()), programmeId, d.get("fiscalYear").asInt(),
                UUID.fromString(d.get("recipientId").asText()), d.get("amount").asLong(), d.get("state").asText(),
                d.hasNonNull("gatedByReviewYear") ? d.get("gatedByReviewYear").asInt() : null, ledgerEntryId);
        readModel.saveTotals(programmeId, totals.get("ceiling").asLong(), totals.get("planned").asLong(),
                totals.get("committed").asLong(), totals.get("disbursed").asLong(), totals.get("recovered").asLong(),
                totals.get("headroom").asLong(), ledgerEntryId);
        if (d.has("consortiumMembers")) {
            List<Share> members = new ArrayList<>();
            for (JsonNode m : d.get("consortiumMembers")) {
                members.add(new Share(UUID.fromString(m.get("recipientId").asText()), m.get("name").asText(),
                        m.get("shareBasisPoints").asInt()));
            }
            readModel.replaceMembers(programmeId, members);
        }
        readModel.totals(programmeId).flatMap(t -> policy.onTotals(d.get("fiscalYear").asInt(), t.ceiling(), t.headroom()))
                .ifPresent(f -> warnings.raise(f, programmeId, List.of(event.id()), "CEILING_NEAR:" + programmeId));
    }
}
