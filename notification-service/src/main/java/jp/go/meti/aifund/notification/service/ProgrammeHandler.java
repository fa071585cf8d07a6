package jp.go.meti.aifund.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import jp.go.meti.aifund.notification.repository.ReadModel;
import jp.go.meti.aifund.notification.repository.ReadModel.LedgeredTotals;
import jp.go.meti.aifund.notification.repository.ReadModel.ProgrammeCopy;
import jp.go.meti.aifund.notification.repository.ReadModel.ProgrammeFigures;
import jp.go.meti.aifund.platform.messaging.IncomingEvent;

/**
 * Applies programme events once, a poll's worth at a time: keeps the programme's description (its
 * name, fiscal years, planned envelopes and recipients, the newest by funding-service's sequence) and, where the change
 * moved money, its totals (ordered with the tranche events' by the ledger entry), so the dashboard
 * follows an envelope changed with no tranche event after it.
 */
@ApplicationScoped
public class ProgrammeHandler {

    public static final List<String> TYPES = List.of("created", "envelope-set", "gate-overridden", "recipient-added")
            .stream().map(c -> "jp.go.meti.aifund.programme." + c + ".v1").toList();

    private final ReadModel readModel;
    private final ObjectMapper json;
    private final Event<ProgrammeUpdated> updated;

    public ProgrammeHandler(ReadModel readModel, ObjectMapper json, Event<ProgrammeUpdated> updated) {
        this.readModel = readModel;
        this.json = json;
        this.updated = updated;
    }

    /** Runs in the transaction that records the events as applied ({@code EventConsumer}): once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<IncomingEvent> events) {
        List<LedgeredTotals> totals = new ArrayList<>();
        for (IncomingEvent event : events) {
            JsonNode d = event.data();
            UUID programmeId = UUID.fromString(d.get("programmeId").asText());
            readModel.saveProgramme(new ProgrammeCopy(programmeId, d.get("name").asText(),
                    d.get("firstFiscalYear").asInt(), d.get("lastFiscalYear").asInt(), envelopes(d.get("envelopes")),
                    recipients(d.get("recipients")), d.get("sequence").asLong()));
            JsonNode ledgerEntry = d.at("/change/ledgerEntryId");
            if (ledgerEntry.canConvertToLong()) {
                JsonNode t = d.get("totals");
                totals.add(new LedgeredTotals(new ProgrammeFigures(programmeId, t.get("ceiling").asLong(),
                        t.get("planned").asLong(), t.get("committed").asLong(), t.get("disbursed").asLong(),
                        t.get("recovered").asLong(), t.get("headroom").asLong()), ledgerEntry.asLong()));
            }
            updated.fire(new ProgrammeUpdated(programmeId));
        }
        readModel.saveTotals(totals);
    }

    /**
     * The envelopes' planned amounts, which change only by a decision that publishes a programme
     * event; their committed and disbursed figures and gates move with tranches and reviews, which
     * do not, so they are not kept.
     */
    private String envelopes(JsonNode envelopes) {
        ArrayNode kept = json.createArrayNode();
        for (JsonNode e : envelopes) {
            kept.addObject().put("fiscalYear", e.get("fiscalYear").asInt()).put("amount", e.get("amount").asLong());
        }
        return kept.toString();
    }

    /** The recipients' ids and names, to name the recipient of a held tranche. */
    private String recipients(JsonNode recipients) {
        ArrayNode kept = json.createArrayNode();
        for (JsonNode r : recipients) {
            kept.addObject().put("recipientId", r.get("recipientId").asText()).put("name", r.get("name").asText());
        }
        return kept.toString();
    }
}
