package jp.go.meti.aifund.funding.aggregate;

import static jp.go.meti.aifund.funding.aggregate.ProgrammeTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.kernel.InvalidRequestException;

class RecipientTest {

    private final UUID programme = UUID.randomUUID();
    private final Recipient noetra = Recipient.add(programme, "Noetra", RecipientRole.CONSORTIUM, null, Optional.empty(),
            null, List.of(), false, NOW);

    private Recipient member(String name, int share, List<Recipient> so) {
        return Recipient.add(programme, name, RecipientRole.MEMBER, noetra.id, Optional.of(noetra), share, so, false, NOW);
    }

    @Test
    void membersSharesNeverExceedOneHundredPercent() {
        Recipient softbank = member("SoftBank", 6_000, List.of(noetra));
        assertThat(softbank.consortiumId).isEqualTo(noetra.id);
        Recipient nec = member("NEC", 4_000, List.of(noetra, softbank));
        assertThatThrownBy(() -> member("Sony", 1, List.of(noetra, softbank, nec)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("10001 basis points, over 10000");
    }

    @Test
    void aResearchPartnerMayHoldNoShare() {
        Recipient lab = Recipient.add(programme, "Lab", RecipientRole.RESEARCH_PARTNER, noetra.id, Optional.of(noetra),
                null, List.of(noetra), false, NOW);
        assertThat(lab.shareBasisPoints).isNull();
    }

    @Test
    void aMemberNamesAConsortiumAndAConsortiumNamesNone() {
        assertThatThrownBy(() -> Recipient.add(programme, "X", RecipientRole.CONSORTIUM, noetra.id, Optional.of(noetra),
                null, List.of(), false, NOW)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("consortiumId");
        assertThatThrownBy(() -> Recipient.add(programme, "X", RecipientRole.MEMBER, null, Optional.empty(), 10,
                List.of(), false, NOW)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("is required");
        Recipient softbank = member("SoftBank", 6_000, List.of(noetra));
        assertThatThrownBy(() -> Recipient.add(programme, "X", RecipientRole.MEMBER, softbank.id, Optional.of(softbank),
                10, List.of(), false, NOW)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a MEMBER");
        assertThat(member("Investor", 0, List.of()).shareBasisPoints).as("an investor that receives no funds").isZero();
    }

    @Test
    void aProspectiveMemberHoldsNoShareAndOnceSharesAreTabledNoMemberIsAddedWithOne() {
        Recipient fujitsu = Recipient.add(programme, "Fujitsu", RecipientRole.MEMBER, noetra.id, Optional.of(noetra),
                null, List.of(noetra), true, NOW);
        assertThat(fujitsu.shareBasisPoints).as("announced, not yet joined").isNull();
        assertThatThrownBy(() -> Recipient.add(programme, "Rakuten", RecipientRole.MEMBER, noetra.id,
                Optional.of(noetra), 500, List.of(noetra), true, NOW)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("shareBasisPoints must be absent: the members' shares are set by share tables");
    }
}
