package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Recipient;
import jp.go.meti.aifund.funding.aggregate.ShareTable;
import jp.go.meti.aifund.funding.domain.MembershipStatus;
import jp.go.meti.aifund.funding.domain.PaidByMember;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.funding.domain.SharesInForce;
import jp.go.meti.aifund.funding.outbound.ProgrammeEvents;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.RecipientRepository;
import jp.go.meti.aifund.funding.repository.ShareTableRepository;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.repository.TrancheRepository.Paid;
import jp.go.meti.aifund.funding.service.Views.MemberStanding;
import jp.go.meti.aifund.funding.service.Views.MembershipView;
import jp.go.meti.aifund.funding.service.Views.PaidView;
import jp.go.meti.aifund.funding.service.Views.ShareTableView;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.LargestRemainder.Share;
import jp.go.meti.aifund.platform.audit.Audited;

/**
 * The consortium over time ({@link ShareTable} holds the rules): one official proposes a share
 * table from a date, another confirms or rejects it, each step under the programme's lock, once
 * per Idempotency-Key, and published as a programme event; the membership and the money paid to
 * each member, read through the table in force.
 */
@ApplicationScoped
public class ShareTables {

    public record ShareRow(@NotNull UUID recipientId, @NotNull @Min(0) @Max(ShareTable.WHOLE) Integer shareBasisPoints) {
    }

    public record ProposeShareTable(@NotNull LocalDate effectiveFrom, @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull ShareRow> shares,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record DecideShareTable(@Size(max = 2000) String note) {
    }

    private final ProgrammeRepository programmes;
    private final RecipientRepository recipients;
    private final ShareTableRepository tables;
    private final TrancheRepository tranches;
    private final ProgrammeEvents events;
    private final Idempotency idempotency;
    private final Clock clock;

    public ShareTables(ProgrammeRepository programmes, RecipientRepository recipients, ShareTableRepository tables,
            TrancheRepository tranches, ProgrammeEvents events, Idempotency idempotency, Clock clock) {
        this.programmes = programmes;
        this.recipients = recipients;
        this.tables = tables;
        this.tranches = tranches;
        this.events = events;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional
    @Audited("share-table.proposed")
    public ShareTableView propose(UUID programmeId, @Valid ProposeShareTable command, String actor, String key) {
        return idempotency.once(actor, key, List.of("propose-share-table", programmeId, command), ShareTableView.class,
                () -> {
                    Programme p = programmes.lock(programmeId);
                    Instant now = clock.instant();
                    ShareTable t = ShareTable.propose(p, command.effectiveFrom(),
                            command.shares().stream().map(r -> new ShareTable.Row(r.recipientId(), r.shareBasisPoints()))
                                    .toList(),
                            command.reason(), recipients.ofProgramme(programmeId), tables.ofProgramme(programmeId),
                            actor, now);
                    tables.persist(t);
                    events.publish(p, ProgrammeChange.SHARE_TABLE_PROPOSED, t, actor, command.reason(), now);
                    return view(t);
                });
    }

    @Transactional
    @Audited(value = "share-table.confirmed", subject = 1)
    public ShareTableView confirm(UUID programmeId, UUID tableId, @Valid DecideShareTable command, String actor,
            String key) {
        return decide(programmeId, tableId, command, actor, key, true);
    }

    @Transactional
    @Audited(value = "share-table.rejected", subject = 1)
    public ShareTableView reject(UUID programmeId, UUID tableId, @Valid DecideShareTable command, String actor,
            String key) {
        return decide(programmeId, tableId, command, actor, key, false);
    }

    private ShareTableView decide(UUID programmeId, UUID tableId, DecideShareTable command, String actor, String key,
            boolean confirm) {
        return idempotency.once(actor, key, List.of(confirm ? "confirm" : "reject", programmeId, tableId, command),
                ShareTableView.class, () -> {
                    Programme p = programmes.lock(programmeId);
                    ShareTable t = tables.get(programmeId, tableId);
                    Instant now = clock.instant();
                    if (confirm) {
                        t.confirm(actor, command.note(), tables.ofProgramme(programmeId), now);
                    } else {
                        t.reject(actor, command.note(), now);
                    }
                    events.publish(p, confirm ? ProgrammeChange.SHARE_TABLE_CONFIRMED : ProgrammeChange.SHARE_TABLE_REJECTED,
                            t, actor, command.note(), now);
                    return view(t);
                });
    }

    public List<ShareTableView> ofProgramme(UUID programmeId) {
        programmes.get(programmeId);
        Map<UUID, String> names = recipients.names(programmeId);
        return tables.ofProgramme(programmeId).stream().map(t -> ShareTableView.of(t, names)).toList();
    }

    public ShareTableView get(UUID programmeId, UUID tableId) {
        return view(tables.get(programmeId, tableId));
    }

    /** The consortium on {@code asOf} (today in Japan when absent): the shares in force and every member's standing. */
    public MembershipView membership(UUID programmeId, LocalDate asOf) {
        programmes.get(programmeId);
        LocalDate date = asOf == null ? FiscalYear.today(clock) : asOf;
        SharesInForce inForce = tables.inForce(programmeId, date);
        Map<UUID, Integer> shares = inForce.shares().stream().collect(Collectors.toMap(Share::recipientId, Share::basisPoints));
        List<Recipient> members = recipients.ofProgramme(programmeId).stream()
                .filter(r -> r.role == RecipientRole.MEMBER).toList();
        Map<UUID, MembershipStatus> standing = ShareTable.standing(members, tables.ofProgramme(programmeId), date);
        return new MembershipView(date, inForce.shareTableId(), inForce.effectiveFrom(), members.stream()
                .map(m -> new MemberStanding(m.id, m.name, standing.get(m.id), shares.get(m.id))).toList());
    }

    /**
     * Money paid (net of recovered) to each member, fiscal year by fiscal year: the consortium's
     * split by the shares in force on the year's 1 April, plus what was paid to the member itself.
     */
    public List<PaidView> paidByMember(UUID programmeId) {
        programmes.get(programmeId);
        Map<UUID, Recipient> byId = recipients.ofProgramme(programmeId).stream()
                .collect(Collectors.toMap(r -> r.id, r -> r));
        Map<UUID, String> names = byId.values().stream().collect(Collectors.toMap(r -> r.id, r -> r.name));
        Map<Integer, List<Paid>> byYear = tranches.paid(programmeId).stream()
                .collect(Collectors.groupingBy(Paid::fiscalYear, TreeMap::new, Collectors.toList()));
        return byYear.entrySet().stream().map(year -> {
            long toConsortium = 0;
            Map<UUID, Long> direct = new LinkedHashMap<>();
            for (Paid paid : year.getValue()) {
                RecipientRole role = byId.get(paid.recipientId()).role;
                if (role == RecipientRole.CONSORTIUM) {
                    toConsortium += paid.amount();
                } else if (role == RecipientRole.MEMBER) {
                    direct.merge(paid.recipientId(), paid.amount(), Long::sum);
                }
            }
            return PaidView.of(PaidByMember.of(year.getKey(), tables.inForce(programmeId, year.getKey()), toConsortium,
                    direct, names));
        }).toList();
    }

    private ShareTableView view(ShareTable t) {
        return ShareTableView.of(t, recipients.names(t.programmeId));
    }
}
