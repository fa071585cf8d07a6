package jp.go.meti.aifund.notification.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.contracts.programme.ProgrammeBudgetDecision;
import jp.go.meti.aifund.contracts.programme.ProgrammeData;
import jp.go.meti.aifund.contracts.programme.ProgrammeEnvelope;
import jp.go.meti.aifund.contracts.programme.ProgrammeHearing;
import jp.go.meti.aifund.contracts.programme.ProgrammeObjection;
import jp.go.meti.aifund.contracts.programme.ProgrammeRecipient;
import jp.go.meti.aifund.contracts.programme.ProgrammeShareTable;
import jp.go.meti.aifund.contracts.programme.ProgrammeTotals;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Finding;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.repository.ReadModel;
import jp.go.meti.aifund.notification.repository.ReadModel.LedgeredTotals;
import jp.go.meti.aifund.notification.repository.ReadModel.ProgrammeCopy;
import jp.go.meti.aifund.notification.repository.ReadModel.ProgrammeFigures;
import jp.go.meti.aifund.platform.messaging.IncomingEvent;

/**
 * Applies programme events once, a poll's worth at a time: keeps the programme's description (its
 * name, fiscal years, planned envelopes and recipients, the newest by funding-service's sequence) and, where the change
 * moved money, its totals (ordered with the tranche events' by the ledger entry), so the dashboard
 * follows an envelope changed with no tranche event after it. A {@code TERMINATE} decision links the
 * programme's termination reviews to it; its confirmation resolves them. A notice of an adverse
 * proposal (a hearing opened) raises a {@code HEARING_NOTICE} warning, which reaches the webhooks; the
 * hearing's close (the decision confirmed, or the proposal withdrawn) resolves it. An objection to a
 * decision raises an {@code OBJECTION_FILED} warning until it is ruled on.
 */
@ApplicationScoped
public class ProgrammeHandler {

    public static final List<String> TYPES = List.of("created", "envelope-set", "gate-overridden", "recipient-added",
            "share-table-proposed", "share-table-confirmed", "share-table-rejected", "budget-decision-proposed",
            "budget-decision-confirmed", "budget-decision-rejected", "year-closed", "closed", "terminated",
            "hearing-opened", "hearing-answered", "hearing-closed", "objection-filed", "objection-ruled").stream()
            .map(c -> "jp.go.meti.aifund.programme." + c + ".v1").toList();

    private final ReadModel readModel;
    private final ObjectMapper json;
    private final Event<ProgrammeUpdated> updated;
    private final Warnings warnings;

    public ProgrammeHandler(ReadModel readModel, ObjectMapper json, Event<ProgrammeUpdated> updated, Warnings warnings) {
        this.warnings = warnings;
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
                    consortium(d), d.getState() == null ? "ACTIVE" : d.getState().value(), d.getSequence()));
            ProgrammeBudgetDecision decision = d.getChange().getBudgetDecision();
            if (decision != null && decision.getKind() == ProgrammeBudgetDecision.Kind.TERMINATE) {
                warnings.followedBy(programmeId, WarningKind.TERMINATION_REVIEW, decision.getBudgetDecisionId(),
                        decision.getState().value(), "TERMINATE decision " + decision.getBudgetDecisionId()
                                + " (" + decision.getGrounds() + ")");
            }
            ProgrammeHearing hearing = d.getChange().getHearing();
            ProgrammeObjection objection = d.getChange().getObjection();
            if (objection != null) {
                String key = "OBJECTION:" + objection.getObjectionId();
                if (objection.getState() == ProgrammeObjection.State.FILED) {
                    warnings.raise(objected(d, hearing, objection), programmeId, objection.getRecipientId(),
                            List.of(event.id()), key);
                } else {
                    warnings.resolveAll(key, "objection " + objection.getObjectionId() + " ruled "
                            + objection.getState().value() + " by " + objection.getRuledBy());
                }
            } else if (hearing != null) {
                String key = "HEARING:" + hearing.getHearingId();
                switch (d.getChange().getKind()) {
                    case HEARING_OPENED -> warnings.raise(notice(d, hearing), programmeId, hearing.getRecipientId(),
                            List.of(event.id()), key);
                    case HEARING_CLOSED -> warnings.resolveAll(key, "hearing " + hearing.getHearingId() + " "
                            + hearing.getState().value() + " by " + d.getChange().getActor());
                    default -> { } // answered: the decision may follow; the notice stands until it does
                }
            }
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

    /** The warning a notice gives: who may answer, what is proposed and what it takes from each member, by when. */
    private static Finding notice(ProgrammeData d, ProgrammeHearing h) {
        String recipient = d.getRecipients().stream().filter(r -> r.getRecipientId().equals(h.getRecipientId()))
                .map(ProgrammeRecipient::getName).findFirst().orElse(h.getRecipientId().toString());
        Text.Noun decision = new Text.Noun("notification", "decision." + h.getProposedDecision());
        Object parts = h.getParts().isEmpty() ? new Text("notification.none") : new Text.Items(h.getParts().stream()
                .map(p -> new Text("notification.part", p.getName(), Text.yen(p.getAmount()))).toList());
        Text title = new Text("notification.hearing.title", recipient, decision, Text.yen(h.getAmount()), h.getAnswerBy());
        Text detail = new Text("notification.hearing.detail", d.getChange().getActor(), decision, h.getSubject().value(),
                h.getSubjectId(), h.getGrounds(), parts, recipient, h.getAnswerBy(), d.getProgrammeId(), h.getHearingId());
        return new Finding(WarningKind.HEARING_NOTICE, Math.toIntExact(h.getFiscalYear()), title, detail, null);
    }

    /** The warning an objection gives: who objects to which decision, why, and who may rule on it. */
    private static Finding objected(ProgrammeData d, ProgrammeHearing h, ProgrammeObjection o) {
        Text.Noun decision = new Text.Noun("notification", "decision." + h.getProposedDecision());
        Text title = new Text("notification.objection.title", o.getFiledBy(), decision, Text.yen(h.getAmount()));
        Text detail = new Text("notification.objection.detail", o.getFiledBy(), d.getChange().getRecordedAt(), decision,
                h.getSubject().value(), h.getSubjectId(), h.getHearingId(), o.getGrounds(), d.getProgrammeId(),
                h.getHearingId());
        return new Finding(WarningKind.OBJECTION_FILED, Math.toIntExact(h.getFiscalYear()), title, detail, null);
    }

    /**
     * The envelopes' budgets and what budget decisions and closes did to them, which change only by a
     * decision that publishes a programme event; their committed and disbursed figures and gates move
     * with tranches and reviews, which do not, so they are not kept. Fields an older event lacks are 0.
     */
    private String envelopes(List<ProgrammeEnvelope> envelopes) {
        ArrayNode kept = json.createArrayNode();
        envelopes.forEach(e -> kept.addObject().put("fiscalYear", e.getFiscalYear()).put("amount", e.getAmount())
                .put("carriedIn", zeroIfAbsent(e.getCarriedIn())).put("carriedOut", zeroIfAbsent(e.getCarriedOut()))
                .put("reappropriated", zeroIfAbsent(e.getReappropriated())).put("lapsed", zeroIfAbsent(e.getLapsed()))
                .put("closedAt", e.getClosedAt() == null ? null : e.getClosedAt().toString()));
        return kept.toString();
    }

    private static long zeroIfAbsent(Long yen) {
        return yen == null ? 0 : yen;
    }

    /**
     * The consortium's history: the founding shares (the members' shares as added; no date), each
     * confirmed share table from its date, and the members announced but in no table yet.
     */
    private String consortium(ProgrammeData d) {
        ObjectNode kept = json.createObjectNode();
        ArrayNode tables = kept.putArray("tables");
        List<ProgrammeRecipient> founding = d.getRecipients().stream()
                .filter(r -> r.getRole() == ProgrammeRecipient.Role.MEMBER && r.getShareBasisPoints() != null).toList();
        if (!founding.isEmpty()) {
            ArrayNode shares = tables.addObject().putNull("effectiveFrom").putArray("shares");
            founding.stream().sorted(Comparator.comparing(ProgrammeRecipient::getShareBasisPoints).reversed())
                    .forEach(r -> shares.addObject().put("name", r.getName()).put("shareBasisPoints", r.getShareBasisPoints()));
        }
        Set<UUID> tabled = new HashSet<>();
        d.getShareTables().stream().filter(t -> t.getState() == ProgrammeShareTable.State.CONFIRMED)
                .sorted(Comparator.comparing(ProgrammeShareTable::getEffectiveFrom)).forEach(t -> {
                    ArrayNode shares = tables.addObject().put("effectiveFrom", t.getEffectiveFrom().toString())
                            .putArray("shares");
                    t.getShares().forEach(s -> {
                        tabled.add(s.getRecipientId());
                        shares.addObject().put("name", s.getName()).put("shareBasisPoints", s.getShareBasisPoints());
                    });
                });
        ArrayNode prospective = kept.putArray("prospective");
        d.getRecipients().stream().filter(r -> r.getRole() == ProgrammeRecipient.Role.MEMBER
                && r.getShareBasisPoints() == null && !tabled.contains(r.getRecipientId()))
                .forEach(r -> prospective.add(r.getName()));
        return kept.toString();
    }

    /** The recipients' ids and names, to name the recipient of a held tranche. */
    private String recipients(List<ProgrammeRecipient> recipients) {
        ArrayNode kept = json.createArrayNode();
        recipients.forEach(r -> kept.addObject().put("recipientId", r.getRecipientId().toString()).put("name", r.getName())
                .put("role", r.getRole().value())
                .put("consortiumId", r.getConsortiumId() == null ? null : r.getConsortiumId().toString()));
        return kept.toString();
    }
}
