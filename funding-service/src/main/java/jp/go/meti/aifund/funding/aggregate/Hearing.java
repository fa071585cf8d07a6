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
import jp.go.meti.aifund.funding.domain.HearingSubject;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.Text;

/**
 * The recipient's opportunity to answer before an adverse decision is made (弁明の機会, 行政手続法
 * art. 13(1)(ii)): the notice names the proposed decision, its grounds, the amounts per member and
 * the day by which to answer; a member of the recipient files a written response by then; the
 * decision is confirmed only once it has, or that day has passed, and the confirmation records that
 * the response was considered. Deadlines are days in Japan, inclusive.
 */
@Entity
@Table(name = "hearing")
public class Hearing {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Enumerated(EnumType.STRING)
    public HearingSubject subject;
    @Column(name = "subject_id")
    public UUID subjectId;
    /** The recipient heard: the consortium (or member, or partner) whose tranches the decision affects. */
    @Column(name = "recipient_id")
    public UUID recipientId;
    @Column(name = "proposed_decision")
    public String proposedDecision;
    /** The fiscal year the decision affects (a termination's: the year it was proposed in). */
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public String grounds;
    public long amount;
    /** The amounts per member, JSON: [{recipientId, name, amount}], adding up to {@code amount}. */
    public String parts;
    @Column(name = "noticed_by")
    public String noticedBy;
    @Column(name = "noticed_at")
    public Instant noticedAt;
    @Column(name = "answer_by")
    public LocalDate answerBy;
    @Enumerated(EnumType.STRING)
    public HearingState state;
    public String response;
    /** The response's evidence references, JSON: [{uri, title, digest}]. */
    @Column(name = "response_evidence")
    public String responseEvidence;
    @Column(name = "responded_by")
    public String respondedBy;
    @Column(name = "responded_at")
    public Instant respondedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "closed_at")
    public Instant closedAt;

    protected Hearing() {
    }

    /** What the notice says: the proposal and what it takes, per member. */
    public record Notice(HearingSubject subject, UUID subjectId, UUID recipientId, String proposedDecision,
            int fiscalYear, String grounds, long amount, String parts) {
    }

    /** Gives notice of a proposal ({@code actor} proposed it on {@code today}); the recipient has {@code days} to answer. */
    public static Hearing notice(Programme programme, Notice n, int days, LocalDate today, String actor, Instant at) {
        Hearing h = new Hearing();
        h.id = UUID.randomUUID();
        h.programmeId = programme.id;
        h.subject = n.subject();
        h.subjectId = n.subjectId();
        h.recipientId = n.recipientId();
        h.proposedDecision = n.proposedDecision();
        h.fiscalYear = n.fiscalYear();
        h.grounds = n.grounds();
        h.amount = n.amount();
        h.parts = n.parts();
        h.noticedBy = actor;
        h.noticedAt = at;
        h.answerBy = today.plusDays(days);
        h.state = HearingState.OPEN;
        return h;
    }

    /**
     * The recipient heard answers (through a member of it: the caller checks who may), once, by the
     * deadline, while the decision is pending.
     */
    public void respond(String text, String evidence, String actor, LocalDate today, Instant at) {
        if (state != HearingState.OPEN) {
            throw state == HearingState.ANSWERED
                    ? ConflictException.of("funding.hearing.answered", respondedBy, respondedAt)
                    : ConflictException.of("funding.hearing.takes-no-response", state(state));
        }
        if (today.isAfter(answerBy)) {
            throw ConflictException.of("funding.hearing.too-late", answerBy, today);
        }
        response = text.strip();
        responseEvidence = evidence;
        respondedBy = actor;
        respondedAt = at;
        state = HearingState.ANSWERED;
    }

    /** The decision may be confirmed once the recipient answered or the day to answer has passed. */
    public void requireHeard(LocalDate today) {
        if (state == HearingState.OPEN && !today.isAfter(answerBy)) {
            throw ConflictException.of("funding.hearing.not-heard", answerBy, id);
        }
        if (state != HearingState.OPEN && state != HearingState.ANSWERED) {
            throw ConflictException.of("funding.hearing.is", id, state(state));
        }
    }

    /** The decision was confirmed by {@code actor}, having considered the response, if any. */
    public void conclude(String actor, Instant at) {
        state = HearingState.CONCLUDED;
        closedBy = actor;
        closedAt = at;
    }

    /** The proposal was rejected or replaced: nothing is decided on this notice. */
    public void withdraw(String actor, Instant at) {
        state = HearingState.WITHDRAWN;
        closedBy = actor;
        closedAt = at;
    }

    /** A hearing's state as the texts say it. */
    public static Text.Noun state(HearingState s) {
        return new Text.Noun("funding", "hearing." + s.name());
    }

    /** What the confirmation's ledger entries record of the hearing. */
    public String record() {
        return respondedBy == null ? "no response to the notice of " + noticedAt + " by " + answerBy
                : "the response of " + respondedBy + " (" + respondedAt + ") considered";
    }
}
