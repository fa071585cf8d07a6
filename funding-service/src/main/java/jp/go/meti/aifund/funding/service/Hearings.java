package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.go.meti.aifund.funding.aggregate.Hearing;
import jp.go.meti.aifund.funding.aggregate.Objection;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Recipient;
import jp.go.meti.aifund.funding.aggregate.ShareTable;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.domain.AffectedMembers;
import jp.go.meti.aifund.funding.domain.AffectedMembers.Cut;
import jp.go.meti.aifund.funding.domain.AffectedMembers.MemberAmount;
import jp.go.meti.aifund.funding.domain.HearingSubject;
import jp.go.meti.aifund.funding.domain.MembershipStatus;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.domain.SharesInForce;
import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.funding.outbound.ProgrammeEvents;
import jp.go.meti.aifund.funding.repository.HearingRepository;
import jp.go.meti.aifund.funding.repository.ObjectionRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.RecipientRepository;
import jp.go.meti.aifund.funding.repository.ShareTableRepository;
import jp.go.meti.aifund.funding.service.Views.HearingView;
import jp.go.meti.aifund.funding.service.Views.ObjectionView;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.platform.audit.Audited;

/**
 * Due process before an adverse decision ({@link Hearing} holds the rules): proposing a pullback
 * decision that reduces or cancels, or a termination, gives the recipient notice (the
 * {@code programme.hearing-opened} event, which notification-service turns into a warning and
 * webhooks); a member of the recipient answers ({@code hearing-answered}); the confirmation waits for
 * the answer or the deadline and records that the answer was considered; a rejected or replaced
 * proposal withdraws it (either way {@code hearing-closed}, which resolves the warning).
 */
@ApplicationScoped
public class Hearings {

    /** A written response to a notice, with the evidence it relies on. */
    public record Respond(@NotBlank @Size(max = 20_000) String response,
            @Size(max = 50) List<@Valid @NotNull EvidenceRef> evidence) {
    }

    /** A document the response relies on: where it is, what it is, and its digest. */
    public record EvidenceRef(@NotBlank @Size(max = 2000) @Pattern(regexp = "https://\\S+") String uri,
            @NotBlank @Size(max = 500) String title, @NotNull @Pattern(regexp = "sha256:[0-9a-f]{64}") String digest) {
    }

    /** What a proposal would take from one tranche. */
    public record TrancheCut(Tranche tranche, long amount) {
    }

    /**
     * An adverse proposal as its notice describes it: what, on which fiscal year, why, and what it takes;
     * {@code evenIfNothingTaken}: whether it needs a hearing when it takes no money (a termination does).
     */
    public record Proposal(HearingSubject subject, UUID subjectId, String decision, int fiscalYear, String grounds,
            List<TrancheCut> cuts, boolean evenIfNothingTaken) {
    }

    /** A notice to one recipient, and the parts per member it names. */
    private record Notice(Hearing.Notice notice, List<MemberAmount> parts) {
    }

    private final HearingRepository hearings;
    private final ProgrammeRepository programmes;
    private final RecipientRepository recipients;
    private final ShareTableRepository shareTables;
    private final ProgrammeEvents events;
    private final ObjectionRepository objections;
    private final Idempotency idempotency;
    private final JsonColumns json;
    private final Clock clock;

    public Hearings(HearingRepository hearings, ProgrammeRepository programmes, RecipientRepository recipients,
            ShareTableRepository shareTables, ProgrammeEvents events, ObjectionRepository objections,
            Idempotency idempotency, JsonColumns json, Clock clock) {
        this.hearings = hearings;
        this.objections = objections;
        this.programmes = programmes;
        this.recipients = recipients;
        this.shareTables = shareTables;
        this.events = events;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Gives notice of an adverse proposal on {@code subjectId} (the hearings on an earlier proposal of it
     * are withdrawn first): one to each recipient it takes money from (the consortium, or a member or
     * partner paid directly), with what it takes from that recipient per member; when it takes nothing
     * but is adverse all the same ({@code evenIfNothingTaken}: a termination), to the programme's
     * consortium. The caller holds the programme's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(Programme p, Proposal proposal, String actor, Instant at) {
        withdraw(p, proposal.subjectId(), actor, at);
        hearings.flush(); // the withdrawal leaves the one-open-per-recipient index before the new notices enter it
        LocalDate today = FiscalYear.today(clock);
        for (Notice n : notices(p, proposal)) {
            Hearing h = Hearing.notice(p, n.notice(), p.hearingDays, today, actor, at);
            hearings.persist(h);
            events.publish(p, ProgrammeChange.HEARING_OPENED, h, n.parts(), actor, at);
        }
    }

    /**
     * Refuses to confirm {@code proposal} (what it would take now) unless every recipient given notice has
     * answered or run out of time, and what it would take is still what the notices said; an adverse
     * proposal made before hearings existed is proposed again, so that notice is given.
     */
    public void requireHeard(Programme p, Proposal proposal) {
        List<Hearing> underWay = hearings.underWay(proposal.subjectId());
        Map<UUID, Notice> now = notices(p, proposal).stream()
                .collect(Collectors.toMap(n -> n.notice().recipientId(), Function.identity()));
        if (underWay.isEmpty() && !now.isEmpty()) {
            throw ConflictException.of("funding.hearing.no-notice");
        }
        LocalDate today = FiscalYear.today(clock);
        underWay.forEach(h -> h.requireHeard(today));
        for (Hearing h : underWay) {
            Notice n = now.get(h.recipientId);
            if (n == null || n.notice().amount() != h.amount || !n.notice().parts().equals(h.parts)) {
                throw ConflictException.of("funding.hearing.changed", h.recipientId, Text.yen(h.amount),
                        Text.yen(n == null ? 0 : n.notice().amount()));
            }
        }
    }

    /** The proposal was confirmed: its hearings conclude; what the ledger entries say of them ("" without one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String conclude(Programme p, UUID subjectId, String actor, Instant at) {
        List<Hearing> underWay = hearings.underWay(subjectId);
        underWay.forEach(h -> {
            h.conclude(actor, at);
            events.publish(p, ProgrammeChange.HEARING_CLOSED, h, parts(h), actor, at);
        });
        return underWay.isEmpty() ? "" : "; " + underWay.stream().map(Hearing::record).collect(Collectors.joining("; "));
    }

    /** The proposal was rejected or is replaced: its hearings under way are withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(Programme p, UUID subjectId, String actor, Instant at) {
        hearings.underWay(subjectId).forEach(h -> {
            h.withdraw(actor, at);
            events.publish(p, ProgrammeChange.HEARING_CLOSED, h, parts(h), actor, at);
        });
    }

    /** The programme ended: every hearing still under way is withdrawn, as no proposal can be confirmed any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawAll(Programme p, String actor, Instant at) {
        hearings.underWayOf(p.id).forEach(h -> {
            h.withdraw(actor, at);
            events.publish(p, ProgrammeChange.HEARING_CLOSED, h, parts(h), actor, at);
        });
    }

    /** A member of the recipient heard answers ({@code named}: the recipients its token names). */
    @Transactional
    @Audited(value = "hearing.answered", subject = 1)
    public HearingView respond(UUID programmeId, UUID hearingId, @Valid Respond command, Set<UUID> named,
            String actor, String key) {
        return idempotency.once(actor, key, List.of("answer-hearing", programmeId, hearingId, command),
                HearingView.class, () -> {
                    Programme p = programmes.lock(programmeId);
                    Hearing h = hearings.get(programmeId, hearingId);
                    if (!actsFor(h, named)) { // as if it did not exist, like every record of another recipient
                        throw new NotFoundException("hearing", hearingId);
                    }
                    Instant now = clock.instant();
                    h.respond(command.response(), evidence(command.evidence()), actor, FiscalYear.today(clock), now);
                    events.publish(p, ProgrammeChange.HEARING_ANSWERED, h, parts(h), actor, now);
                    return view(h);
                });
    }

    /**
     * A programme's hearings, or those of one proposal ({@code subjectId}); a consortium member ({@code onlyFor}
     * present) sees those given to its recipients.
     */
    public List<HearingView> ofProgramme(UUID programmeId, UUID subjectId, Optional<Set<UUID>> onlyFor) {
        programmes.get(programmeId);
        List<Hearing> seen = hearings.ofProgramme(programmeId).stream()
                .filter(h -> subjectId == null || subjectId.equals(h.subjectId))
                .filter(h -> onlyFor.map(ids -> actsFor(h, ids)).orElse(true)).toList();
        Map<UUID, Objection> objected = objections.ofHearings(seen.stream().map(h -> h.id).toList()).stream()
                .collect(Collectors.toMap(o -> o.hearingId, Function.identity()));
        return seen.stream().map(h -> view(h, objected.get(h.id))).toList();
    }

    public HearingView get(UUID programmeId, UUID hearingId, Optional<Set<UUID>> onlyFor) {
        Hearing h = hearings.get(programmeId, hearingId);
        if (onlyFor.isPresent() && !actsFor(h, onlyFor.get())) {
            throw new NotFoundException("hearing", hearingId);
        }
        return view(h);
    }

    /**
     * Whether {@code named} holds the recipient heard, or a member of it (of role MEMBER, in the shares in
     * force today: not a research partner, nor a member that left or has not joined yet).
     */
    boolean actsFor(Hearing h, Set<UUID> named) {
        if (named.contains(h.recipientId)) {
            return true;
        }
        List<Recipient> members = recipients.ofProgramme(h.programmeId).stream()
                .filter(r -> r.role == RecipientRole.MEMBER && h.recipientId.equals(r.consortiumId)).toList();
        Map<UUID, MembershipStatus> standing = ShareTable.standing(members, shareTables.ofProgramme(h.programmeId),
                FiscalYear.today(clock));
        return members.stream().anyMatch(m -> named.contains(m.id) && standing.get(m.id) == MembershipStatus.MEMBER);
    }

    /** The notices {@code proposal} gives, one per recipient it takes from, in the order of its tranches. */
    private List<Notice> notices(Programme p, Proposal proposal) {
        List<Recipient> ofProgramme = recipients.ofProgramme(p.id);
        Map<UUID, Recipient> byId = ofProgramme.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        Map<UUID, List<Cut>> byRecipient = new LinkedHashMap<>();
        for (TrancheCut c : proposal.cuts()) {
            if (c.amount() > 0) {
                Tranche t = c.tranche();
                byRecipient.computeIfAbsent(t.recipientId, id -> new ArrayList<>()).add(new Cut(t.fiscalYear,
                        t.recipientId, byId.get(t.recipientId).role == RecipientRole.CONSORTIUM, c.amount()));
            }
        }
        if (byRecipient.isEmpty() && proposal.evenIfNothingTaken()) {
            ofProgramme.stream().filter(r -> r.role == RecipientRole.CONSORTIUM)
                    .forEach(r -> byRecipient.put(r.id, List.of()));
        }
        Map<UUID, String> names = recipients.names(p.id);
        Map<Integer, SharesInForce> sharesByYear = new HashMap<>(); // read once a year, not once a tranche, under the lock
        List<Notice> notices = new ArrayList<>();
        byRecipient.forEach((recipient, cuts) -> {
            List<MemberAmount> parts = AffectedMembers.of(cuts,
                    fy -> sharesByYear.computeIfAbsent(fy, year -> shareTables.inForce(p.id, year)), names);
            notices.add(new Notice(new Hearing.Notice(proposal.subject(), proposal.subjectId(), recipient,
                    proposal.decision(), proposal.fiscalYear(), proposal.grounds(), AffectedMembers.total(parts),
                    json.write(parts)), parts));
        });
        return notices;
    }

    List<MemberAmount> parts(Hearing h) {
        return List.of(json.read(h.parts, MemberAmount[].class, "hearing " + h.id));
    }

    /** Evidence references as a hearing or an objection keeps them (none: an empty list). */
    String evidence(List<EvidenceRef> refs) {
        return json.write(refs == null ? List.of() : refs);
    }

    private List<EvidenceRef> evidence(String kept, Object owner) {
        return kept == null ? null : List.of(json.read(kept, EvidenceRef[].class, owner));
    }

    HearingView view(Hearing h) {
        return view(h, objections.ofHearing(h.id).orElse(null));
    }

    private HearingView view(Hearing h, Objection o) {
        return HearingView.of(h, parts(h), evidence(h.responseEvidence, "hearing " + h.id),
                o == null ? null : ObjectionView.of(o, evidence(o.evidence, "objection " + o.id)));
    }
}
