package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.funding.domain.HearingState;
import jp.go.meti.aifund.funding.domain.ObjectionState;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.Text;

/**
 * A recipient's objection to an adverse decision confirmed after its hearing (審査請求, 行政不服審査法
 * art. 2 and 18(1)): filed within three months of the day of the decision, ruled on by an official who
 * neither proposed nor confirmed it, upheld or dismissed with reasons. An upheld objection reverses what
 * the decision took from that recipient by new ledger entries; history is never edited.
 */
@Entity
@Table(name = "objection")
public class Objection {

    /** The months after the day of the decision in which an objection may be filed. */
    public static final int MONTHS_TO_OBJECT = 3;

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    /** The hearing of the decision objected to: its subject, the recipient, and who proposed and confirmed it. */
    @Column(name = "hearing_id")
    public UUID hearingId;
    @Column(name = "recipient_id")
    public UUID recipientId;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "proposed_by")
    public String proposedBy;
    /** The last day (in Japan) the objection could be filed. */
    @Column(name = "file_by")
    public LocalDate fileBy;
    public String grounds;
    /** The evidence it relies on, JSON: [{uri, title, digest}]. */
    public String evidence;
    @Column(name = "filed_by")
    public String filedBy;
    @Column(name = "filed_at")
    public Instant filedAt;
    @Enumerated(EnumType.STRING)
    public ObjectionState state;
    /** The ruling's reasons. */
    public String ruling;
    @Column(name = "ruled_by")
    public String ruledBy;
    @Column(name = "ruled_at")
    public Instant ruledAt;
    /** What the upheld objection gave back, in yen; null unless upheld. */
    public Long reinstated;

    protected Objection() {
    }

    /** A member of the recipient heard objects to the decision its hearing concluded; the caller checks who may. */
    public static Objection file(Hearing h, String grounds, String evidence, String actor, LocalDate today, Instant at) {
        if (h.state != HearingState.CONCLUDED) {
            throw ConflictException.of("funding.objection.not-concluded", h.id, Hearing.state(h.state));
        }
        LocalDate fileBy = h.closedAt.atZone(FiscalYear.JAPAN).toLocalDate().plusMonths(MONTHS_TO_OBJECT);
        if (today.isAfter(fileBy)) {
            throw ConflictException.of("funding.objection.too-late", fileBy, today);
        }
        Objection o = new Objection();
        o.id = UUID.randomUUID();
        o.programmeId = h.programmeId;
        o.hearingId = h.id;
        o.recipientId = h.recipientId;
        o.decidedBy = h.closedBy;
        o.proposedBy = h.noticedBy;
        o.fileBy = fileBy;
        o.grounds = grounds.strip();
        o.evidence = evidence;
        o.filedBy = actor;
        o.filedAt = at;
        o.state = ObjectionState.FILED;
        return o;
    }

    /** Refuses a ruling by the official who proposed or confirmed the decision, or on one already ruled. */
    public void requireRulableBy(String actor) {
        if (state != ObjectionState.FILED) {
            throw ConflictException.of("funding.objection.ruled", id, new Text.Noun("funding", "objection." + state.name()),
                    ruledBy);
        }
        FourEyes.requireDifferent("the decision objected to", proposedBy, "proposed", actor, "rule on the objection to");
        FourEyes.requireDifferent("the decision objected to", decidedBy, "confirmed", actor, "rule on the objection to");
    }

    /** Rules it; {@code given}: what an upheld objection gave back, in yen. */
    public void rule(boolean upheld, String reasons, long given, String actor, Instant at) {
        requireRulableBy(actor);
        state = upheld ? ObjectionState.UPHELD : ObjectionState.DISMISSED;
        ruling = reasons.strip();
        reinstated = upheld ? given : null;
        ruledBy = actor;
        ruledAt = at;
    }

    /** What the reversing ledger entries record. */
    public String record() {
        return "objection " + id + " of " + filedBy + " (" + filedAt + ") upheld by " + ruledBy + ": " + ruling;
    }
}
