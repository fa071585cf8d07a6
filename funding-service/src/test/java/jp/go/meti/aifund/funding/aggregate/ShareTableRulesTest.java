package jp.go.meti.aifund.funding.aggregate;

import static jp.go.meti.aifund.funding.aggregate.ProgrammeTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.funding.domain.MembershipStatus;
import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.funding.domain.ProposalState;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyesViolationException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.LargestRemainder;
import jp.go.meti.aifund.kernel.LargestRemainder.Part;

/** The share-table rules, without Quarkus or a database. */
class ShareTableRulesTest {

    private final Programme programme = Programme.create("Sovereign AI", 1_000_000_000_000L, 2026, 2030, "METI", "NEDO",
            "meti.admin", NOW);
    private final Recipient noetra = Recipient.add(programme.id, "Noetra", RecipientRole.CONSORTIUM, null,
            Optional.empty(), null, List.of(), false, NOW);
    private final List<Recipient> recipients = new ArrayList<>(List.of(noetra));
    private final Recipient softbank = member("SoftBank", 6000);
    private final Recipient nec = member("NEC", 4000);
    private final Recipient fujitsu = member("Fujitsu", null);
    private final List<ShareTable> tables = new ArrayList<>();

    private Recipient member(String name, Integer share) {
        Recipient r = Recipient.add(programme.id, name, RecipientRole.MEMBER, noetra.id, Optional.of(noetra), share,
                recipients, false, NOW);
        recipients.add(r);
        return r;
    }

    private ShareTable propose(String from, ShareTable.Row... rows) {
        return ShareTable.propose(programme, LocalDate.parse(from), List.of(rows), "rebalanced", recipients, tables,
                "meti.tanaka", NOW);
    }

    private ShareTable confirmed(String from, ShareTable.Row... rows) {
        ShareTable t = propose(from, rows);
        t.confirm("meti.suzuki", null, tables, NOW);
        tables.add(t);
        return t;
    }

    private static ShareTable.Row row(Recipient r, int share) {
        return new ShareTable.Row(r.id, share);
    }

    @Test
    void aTableSumsToExactlyTheWholeOverMembersNamedOnce() {
        assertThatThrownBy(() -> propose("2027-04-01", row(softbank, 6000), row(nec, 3999)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("shares sum to 9999 basis points; a share table"
                        + " sums to exactly 10000 (100.00 %) over its members, 0 % shares included");
        assertThatThrownBy(() -> propose("2027-04-01", row(softbank, 5000), row(softbank, 5000)))
                .hasMessage("shares[1].recipientId names SoftBank twice");
        assertThatThrownBy(() -> propose("2027-04-01", row(softbank, 5000), row(noetra, 5000)))
                .hasMessage("shares[1].recipientId names a CONSORTIUM, not a member");
        ShareTable t = propose("2027-04-01", row(softbank, 5000), row(nec, 3000), row(fujitsu, 2000));
        assertThat(t.state).isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void fourEyesConfirmAndOnlyOneProposalAtATime() {
        ShareTable t = propose("2027-04-01", row(softbank, 10_000));
        tables.add(t);
        assertThatThrownBy(() -> propose("2028-04-01", row(softbank, 10_000))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> t.confirm("meti.tanaka", null, tables, NOW))
                .isInstanceOf(FourEyesViolationException.class);
        assertThatThrownBy(() -> t.reject("meti.suzuki", " ", NOW)).hasMessageStartingWith("note is required");
        t.confirm("meti.suzuki", "agreed", tables, NOW);
        assertThat(t.state).isEqualTo(ProposalState.CONFIRMED);
        assertThatThrownBy(() -> t.reject("meti.suzuki", "too late", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void effectiveDatesNeverOverlapAndStayWithinTheProgramme() {
        confirmed("2027-04-01", row(softbank, 10_000));
        assertThatThrownBy(() -> propose("2027-04-01", row(nec, 10_000))).hasMessageContaining("overlaps share table");
        assertThatThrownBy(() -> propose("2026-12-01", row(nec, 10_000))).hasMessageContaining("overlaps share table");
        assertThatThrownBy(() -> propose("2026-03-31", row(nec, 10_000)))
                .hasMessageContaining("effectiveFrom must fall within the programme's fiscal years, FY2026 to FY2030");
        assertThatThrownBy(() -> propose("2031-04-01", row(nec, 10_000))).hasMessageContaining("2031-03-31");
    }

    @Test
    void theTableInForceIsTheLatestOnOrBeforeTheDateAndStandingFollowsIt() {
        ShareTable fy2027 = confirmed("2027-04-01", row(softbank, 5000), row(nec, 3000), row(fujitsu, 2000));
        ShareTable fy2028 = confirmed("2028-04-01", row(softbank, 7000), row(fujitsu, 3000));
        List<Recipient> members = List.of(softbank, nec, fujitsu);
        assertThat(ShareTable.inForce(tables, LocalDate.parse("2027-03-31"))).isEmpty(); // the founding shares
        assertThat(ShareTable.inForce(tables, LocalDate.parse("2027-04-01"))).contains(fy2027);
        assertThat(ShareTable.inForce(tables, LocalDate.parse("2028-03-31"))).contains(fy2027);
        assertThat(ShareTable.inForce(tables, LocalDate.parse("2030-01-01"))).contains(fy2028);

        assertThat(ShareTable.standing(members, tables, LocalDate.parse("2026-06-01"))).containsExactlyInAnyOrderEntriesOf(
                Map.of(softbank.id, MembershipStatus.MEMBER, nec.id, MembershipStatus.MEMBER,
                        fujitsu.id, MembershipStatus.PROSPECTIVE));
        assertThat(ShareTable.standing(members, tables, LocalDate.parse("2028-04-01")))
                .containsEntry(nec.id, MembershipStatus.LEFT).containsEntry(fujitsu.id, MembershipStatus.MEMBER);
    }

    @Test
    void aSplitUsesTheTablesSharesLargestFirstAndAZeroShareGetsNothing() {
        ShareTable t = confirmed("2027-04-01", row(nec, 3333), row(softbank, 6667), row(fujitsu, 0));
        Map<java.util.UUID, String> names = Map.of(softbank.id, "SoftBank", nec.id, "NEC", fujitsu.id, "Fujitsu");
        // ¥100: SoftBank 66.67 → 66, NEC 33.33 → 33, Fujitsu 0; the last yen to the largest remainder, SoftBank's .67
        List<Part> parts = LargestRemainder.split(100, t.shares(names));
        assertThat(parts).extracting(p -> p.name() + " " + p.amount()).containsExactly("SoftBank 67", "NEC 33",
                "Fujitsu 0");
    }
}
