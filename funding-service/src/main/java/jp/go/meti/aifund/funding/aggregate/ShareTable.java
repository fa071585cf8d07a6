package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import jp.go.meti.aifund.funding.domain.MembershipStatus;
import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.funding.domain.ProposalState;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.LargestRemainder.Share;
import jp.go.meti.aifund.kernel.Text;

/**
 * The consortium members' shares from a date on (10,000 basis points = 100 %). A table sums to
 * exactly 10,000 over its members, 0 included (an investor that receives no funds); a member
 * joins by appearing in a table and leaves by being absent from the next. One official proposes a
 * table, another confirms it; a confirmed table is in force from its date until the next one's,
 * and stays readable after. Before any table is confirmed, the members' shares recorded when they
 * were added (the founding shares) are in force.
 */
@Entity
@Table(name = "share_table")
public class ShareTable {

    public static final int WHOLE = 10_000;

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Enumerated(EnumType.STRING)
    public ProposalState state;
    public String reason;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "share_table_row", joinColumns = @JoinColumn(name = "share_table_id"))
    @OrderColumn(name = "position")
    public List<Row> rows = new ArrayList<>();

    /** One member's share in the table. */
    @Embeddable
    public static class Row {
        @Column(name = "recipient_id")
        public UUID recipientId;
        @Column(name = "share_basis_points")
        public int shareBasisPoints;

        protected Row() {
        }

        public Row(UUID recipientId, int shareBasisPoints) {
            this.recipientId = recipientId;
            this.shareBasisPoints = shareBasisPoints;
        }
    }

    protected ShareTable() {
    }

    /**
     * Proposes {@code rows} from {@code effectiveFrom}: within the programme's years, after the date
     * of every confirmed table ({@code tables}, the programme's so far), with no other proposal
     * pending; every row a member of the programme ({@code recipients}), once; summing to exactly 100 %.
     */
    public static ShareTable propose(Programme programme, LocalDate effectiveFrom, List<Row> rows, String reason,
            List<Recipient> recipients, List<ShareTable> tables, String actor, Instant at) {
        if (effectiveFrom.isBefore(FiscalYear.firstDay(programme.firstFiscalYear))
                || effectiveFrom.isAfter(FiscalYear.lastDay(programme.lastFiscalYear))) {
            throw new InvalidRequestException("effectiveFrom", new Text("funding.share-table.outside",
                    Text.fiscalYear(programme.firstFiscalYear), Text.fiscalYear(programme.lastFiscalYear),
                    FiscalYear.firstDay(programme.firstFiscalYear), FiscalYear.lastDay(programme.lastFiscalYear)));
        }
        tables.stream().filter(t -> t.state == ProposalState.PROPOSED).findFirst().ifPresent(t -> {
            throw ConflictException.of("funding.share-table.pending", t.id, t.proposedBy);
        });
        requireAfterConfirmed(effectiveFrom, tables);
        requireMembersOnce(rows, recipients);
        long sum = rows.stream().mapToLong(r -> r.shareBasisPoints).sum();
        if (sum != WHOLE) {
            throw new InvalidRequestException("shares", new Text("funding.share-table.sum", String.valueOf(sum)));
        }
        ShareTable t = new ShareTable();
        t.id = UUID.randomUUID();
        t.programmeId = programme.id;
        t.effectiveFrom = effectiveFrom;
        t.state = ProposalState.PROPOSED;
        t.reason = reason;
        t.proposedBy = actor;
        t.proposedAt = at;
        t.rows = new ArrayList<>(rows);
        return t;
    }

    private static void requireAfterConfirmed(LocalDate effectiveFrom, List<ShareTable> tables) {
        latestConfirmed(tables).filter(t -> !effectiveFrom.isAfter(t.effectiveFrom)).ifPresent(t -> {
            throw new InvalidRequestException("effectiveFrom", new Text("funding.share-table.overlaps", t.id,
                    t.effectiveFrom));
        });
    }

    private static void requireMembersOnce(List<Row> rows, List<Recipient> recipients) {
        Map<UUID, Recipient> byId = recipients.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            UUID id = rows.get(i).recipientId;
            Recipient r = byId.get(id);
            if (r == null || r.role != RecipientRole.MEMBER) {
                throw new InvalidRequestException("shares[" + i + "].recipientId",
                        r == null ? new Text("funding.recipient.unknown")
                                : new Text("funding.share-table.not-member", Recipient.role(r.role)));
            }
            if (!seen.add(id)) {
                throw new InvalidRequestException("shares[" + i + "].recipientId", new Text("funding.share-table.twice", r.name));
            }
        }
    }

    /** Puts the table in force from its date; the proposer cannot, and a table confirmed meanwhile may have overtaken it. */
    public void confirm(String actor, String note, List<ShareTable> tables, Instant at) {
        requireProposed("confirm");
        FourEyes.requireDifferent("share table " + id, proposedBy, "proposed", actor, "confirm");
        requireAfterConfirmed(effectiveFrom, tables);
        decide(ProposalState.CONFIRMED, actor, note, at);
    }

    /** Rejects the proposal, saying why: it is never in force. */
    public void reject(String actor, String note, Instant at) {
        if (note == null || note.isBlank()) {
            throw new InvalidRequestException("note", new Text("funding.share-table.note-required"));
        }
        requireProposed("reject");
        FourEyes.requireDifferent("share table " + id, proposedBy, "proposed", actor, "reject");
        decide(ProposalState.REJECTED, actor, note, at);
    }

    private void requireProposed(String step) {
        if (state != ProposalState.PROPOSED) {
            throw ConflictException.of("funding.share-table.decided", id, BudgetDecision.nounOf(state),
                    BudgetDecision.step(step));
        }
    }

    private void decide(ProposalState decided, String actor, String note, Instant at) {
        state = decided;
        decidedBy = actor;
        decidedAt = at;
        decisionNote = note;
    }

    /** The confirmed table in force on {@code date}, if one is: the latest that took effect on or before it. */
    public static Optional<ShareTable> inForce(List<ShareTable> tables, LocalDate date) {
        return tables.stream().filter(t -> t.state == ProposalState.CONFIRMED && !t.effectiveFrom.isAfter(date))
                .max(Comparator.comparing(t -> t.effectiveFrom));
    }

    private static Optional<ShareTable> latestConfirmed(List<ShareTable> tables) {
        return tables.stream().filter(t -> t.state == ProposalState.CONFIRMED)
                .max(Comparator.comparing(t -> t.effectiveFrom));
    }

    /**
     * Each member's standing on {@code date} ({@code members}, the programme's recipients of role
     * MEMBER, with their founding shares): in the shares in force (a table, else the founding
     * shares), a MEMBER; in an earlier confirmed table or among the founding shares, LEFT; else PROSPECTIVE.
     */
    public static Map<UUID, MembershipStatus> standing(List<Recipient> members, List<ShareTable> tables,
            LocalDate date) {
        Optional<ShareTable> inForce = inForce(tables, date);
        Set<UUID> now = inForce.map(ShareTable::memberIds)
                .orElseGet(() -> members.stream().filter(m -> m.shareBasisPoints != null).map(m -> m.id)
                        .collect(Collectors.toSet()));
        Set<UUID> before = new HashSet<>();
        members.stream().filter(m -> m.shareBasisPoints != null).forEach(m -> before.add(m.id));
        tables.stream().filter(t -> t.state == ProposalState.CONFIRMED && !t.effectiveFrom.isAfter(date))
                .forEach(t -> before.addAll(t.memberIds()));
        Map<UUID, MembershipStatus> standing = new LinkedHashMap<>();
        for (Recipient m : members) {
            standing.put(m.id, now.contains(m.id) ? MembershipStatus.MEMBER
                    : before.contains(m.id) ? MembershipStatus.LEFT : MembershipStatus.PROSPECTIVE);
        }
        return standing;
    }

    private Set<UUID> memberIds() {
        return rows.stream().map(r -> r.recipientId).collect(Collectors.toSet());
    }

    /** The shares to split by, largest first, then by name (the order every split uses); {@code names} by recipient. */
    public List<Share> shares(Map<UUID, String> names) {
        return rows.stream().map(r -> new Share(r.recipientId, names.get(r.recipientId), r.shareBasisPoints))
                .sorted(Comparator.comparingInt(Share::basisPoints).reversed().thenComparing(Share::name)).toList();
    }
}
