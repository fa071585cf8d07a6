package jp.go.meti.aifund.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.funding.domain.PaidByMember.MemberPaid;
import jp.go.meti.aifund.kernel.LargestRemainder.Share;

class PaidByMemberTest {

    private final UUID softbank = UUID.randomUUID();
    private final UUID nec = UUID.randomUUID();
    private final UUID investor = UUID.randomUUID();
    private final UUID rakuten = UUID.randomUUID();

    @Test
    void theConsortiumsMoneyIsSplitExactlyAndAMembersOwnIsAddedToItsPart() { // Rakuten: paid itself, in no table
        SharesInForce table = new SharesInForce(UUID.randomUUID(), LocalDate.parse("2027-04-01"),
                List.of(new Share(softbank, "SoftBank", 6667), new Share(nec, "NEC", 3333),
                        new Share(investor, "Investor", 0)));
        // ¥10 × 66.67 % = 6.667 → 6, × 33.33 % = 3.333 → 3; the tenth yen to the larger remainder (.667): SoftBank 7
        PaidByMember paid = PaidByMember.of(2027, table, 10, Map.of(nec, 5L, rakuten, 2L),
                Map.of(softbank, "SoftBank", nec, "NEC", investor, "Investor", rakuten, "Rakuten"));
        assertThat(paid.members()).extracting(MemberPaid::name, MemberPaid::fromConsortium, MemberPaid::direct,
                MemberPaid::total).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SoftBank", 7L, 0L, 7L),
                        org.assertj.core.groups.Tuple.tuple("NEC", 3L, 5L, 8L),
                        org.assertj.core.groups.Tuple.tuple("Investor", 0L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("Rakuten", 0L, 2L, 2L));
        assertThat(paid.members().stream().mapToLong(MemberPaid::fromConsortium).sum()).isEqualTo(10);
    }

    @Test
    void withoutSharesTheConsortiumsMoneyIsNotSplit() {
        PaidByMember paid = PaidByMember.of(2026, SharesInForce.founding(List.of()), 100, Map.of(nec, 1L),
                Map.of(nec, "NEC"));
        assertThat(paid.members()).extracting(MemberPaid::name, MemberPaid::total)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NEC", 1L));
    }
}
