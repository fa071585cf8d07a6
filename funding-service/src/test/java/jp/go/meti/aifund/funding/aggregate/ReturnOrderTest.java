package jp.go.meti.aifund.funding.aggregate;

import static jp.go.meti.aifund.funding.aggregate.ProgrammeTest.NOW;
import static jp.go.meti.aifund.funding.aggregate.ProgrammeTest.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.funding.domain.ReturnOrderState;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.InvalidRequestException;

class ReturnOrderTest {

    private final Programme programme = ProgrammeTest.programme(10_000_000);
    private final Envelope fy26 = ProgrammeTest.planned(programme, 2026, 5_000_000);
    private final Tranche paid = ProgrammeTest.tranche(programme, fy26, 3_650_000);

    private void pay() {
        programme.approve(paid, fy26, "meti.approver", NOW);
        programme.disburse(paid, fy26, "meti.treasurer", LocalDate.parse("2026-04-01"), TODAY, NOW);
    }

    @Test
    void onlyDisbursedMoneyNotYetRecoveredOrOrderedBackCanBeOrderedBack() {
        assertThatThrownBy(() -> ReturnOrder.issue(paid, 1, 0, TODAY, "x", "meti.a", NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("this tranche is PLANNED");
        pay();
        assertThatThrownBy(() -> ReturnOrder.issue(paid, 650_001, 3_000_000, TODAY, "x", "meti.a", NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("¥650,000");
        ReturnOrder o = ReturnOrder.issue(paid, 650_000, 3_000_000, TODAY, " audit finding ", "meti.a", NOW);
        assertThat(o.reason).isEqualTo("audit finding");
        assertThat(o.receivedOn).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(o.state).isEqualTo(ReturnOrderState.OPEN);
    }

    @Test
    void settlingRecordsTheInterestToTheDayOnce() {
        pay();
        ReturnOrder o = ReturnOrder.issue(paid, 3_650_000, 0, LocalDate.parse("2026-10-01"), "x", "meti.a", NOW);
        LocalDate repaid = LocalDate.parse("2026-10-01");
        assertThatThrownBy(() -> o.settle(repaid, repaid.minusDays(1), "meti.b", NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("in the future");
        var owed = o.settle(repaid, repaid, "meti.b", NOW);
        // 1 April to 1 October, both days counted: ¥3,650,000 × 10.95 % × 184 / 365
        assertThat(owed.interestDays()).isEqualTo(184);
        assertThat(o.interest).isEqualTo(201_480);
        assertThat(o.state).isEqualTo(ReturnOrderState.SETTLED);
        assertThat(o.repaymentRecord(owed)).contains("repaid on 2026-10-01", "(184 days)");
        assertThatThrownBy(() -> o.settle(repaid, repaid, "meti.b", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is SETTLED already");
    }
}
