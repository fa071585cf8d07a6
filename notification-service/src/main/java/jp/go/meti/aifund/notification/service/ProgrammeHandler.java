package jp.go.meti.aifund.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import jp.go.meti.aifund.contracts.programme.ProgrammeData;
import jp.go.meti.aifund.contracts.programme.ProgrammeEnvelope;
import jp.go.meti.aifund.contracts.programme.ProgrammeRecipient;
import jp.go.meti.aifund.contracts.programme.ProgrammeTotals;
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
            ProgrammeData d = event.data(ProgrammeData.class);
            UUID programmeId = d.getProgrammeId();
            readModel.saveProgramme(new ProgrammeCopy(programmeId, d.getName(), Math.toIntExact(d.getFirstFiscalYear()),
                    Math.toIntExact(d.getLastFiscalYear()), envelopes(d.getEnvelopes()), recipients(d.getRecipients()),
                    d.getSequence()));
            Long ledgerEntry = d.getChange().getLedgerEntryId();
            if (ledgerEntry != null) {
                ProgrammeTotals t = d.getTotals();
                totals.add(new LedgeredTotals(new ProgrammeFigures(programmeId, t.getCeiling(), t.getPlanned(),
                        t.getCommitted(), t.getDisbursed(), t.getRecovered(), t.getHeadroom()), ledgerEntry));
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
    private String envelopes(List<ProgrammeEnvelope> envelopes) {
        ArrayNode kept = json.createArrayNode();
        envelopes.forEach(e -> kept.addObject().put("fiscalYear", e.getFiscalYear()).put("amount", e.getAmount()));
        return kept.toString();
    }

    /** The recipients' ids and names, to name the recipient of a held tranche. */
    private String recipients(List<ProgrammeRecipient> recipients) {
        ArrayNode kept = json.createArrayNode();
        recipients.forEach(r -> kept.addObject().put("recipientId", r.getRecipientId().toString()).put("name", r.getName()));
        return kept.toString();
    }
}
