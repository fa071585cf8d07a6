package jp.go.meti.aifund.notification.aggregate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningChangeKind;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.domain.WarningState;

@Entity
public class Warning {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public WarningKind kind;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "fiscal_year")
    public Integer fiscalYear;
    @Enumerated(EnumType.STRING)
    public WarningState state;
    /** The title and detail in English; {@code titleText} and {@code detailText} say them in any language. */
    public String title;
    public String detail;
    /** The title as its text, JSON (TextJson); null for a warning raised before texts were kept. */
    @Column(name = "title_text")
    public String titleText;
    @Column(name = "detail_text")
    public String detailText;
    /** The recipient it is addressed to (a hearing's notice, an objection); null: every reader of the programme. */
    @Column(name = "addressed_to")
    public UUID addressedTo;
    /** The CloudEvent ids that produced it, comma-separated. */
    @Column(name = "cause_event_ids")
    public String causeEventIds;
    @Column(name = "policy_version")
    public String policyVersion;
    /** The computed figures (a reduction and its split), as JSON. */
    public String figures;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledge_note")
    public String acknowledgeNote;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolve_note")
    public String resolveNote;
    /** The ministry decision that followed it (a TERMINATE decision after a termination review), and its state. */
    @Column(name = "decision_id")
    public UUID decisionId;
    @Column(name = "decision_state")
    public String decisionState;

    protected Warning() {
    }

    /**
     * A warning raised by the policy: open, with the policy version that found it and the events that
     * caused it ({@code figures}: the computed reduction and its split as JSON, if any).
     */
    public static Warning raise(WarningKind kind, Integer fiscalYear, Said title, Said detail, UUID programmeId,
            UUID addressedTo, List<UUID> causes, String policyVersion, String figures, String dedupeKey, Instant at) {
        Warning w = new Warning();
        w.id = UUID.randomUUID();
        w.kind = kind;
        w.severity = kind.severity();
        w.programmeId = programmeId;
        w.addressedTo = addressedTo;
        w.fiscalYear = fiscalYear;
        w.state = WarningState.OPEN;
        w.title = title.english();
        w.titleText = title.text();
        w.detail = detail.english();
        w.detailText = detail.text();
        w.causeEventIds = String.join(",", causes.stream().map(UUID::toString).toList());
        w.policyVersion = policyVersion;
        w.figures = figures;
        w.dedupeKey = dedupeKey;
        w.createdAt = at;
        return w;
    }

    /** A text as the warning keeps it: in English, and as its key and arguments (JSON). */
    public record Said(String english, String text) {
    }

    /** A decision followed it: proposed, then confirmed or rejected. */
    public void followedBy(UUID decision, String state) {
        decisionId = decision;
        decisionState = state;
    }

    /** Someone has seen it and says so; refused once it is acknowledged or resolved. */
    public WarningChangeKind acknowledge(String actor, String note, Instant at) {
        state = state.acknowledge();
        acknowledgedBy = actor;
        acknowledgedAt = at;
        acknowledgeNote = note;
        return WarningChangeKind.ACKNOWLEDGED;
    }

    /** Its condition has ended, or someone closes it; refused once resolved. */
    public WarningChangeKind resolve(String actor, String note, Instant at) {
        state = state.resolve();
        resolvedBy = actor;
        resolvedAt = at;
        resolveNote = note;
        return WarningChangeKind.RESOLVED;
    }
}
