package jp.go.meti.aifund.funding.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.ProgrammeState;
import jp.go.meti.aifund.funding.domain.StatutoryInterest;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.kernel.ConflictException;

/** Returned money and the treasury, and the end of a programme, plain: worked examples checked by hand. */
class ProgrammeEndTest {

    private static final Instant AT = Instant.parse("2027-06-01T00:00:00Z");
    private static final LocalDate PAID_ON = LocalDate.parse("2027-06-01");

    private final Programme p = Programme.create("Sovereign AI", 10_000_000, 2027, 2030, "METI", "NEDO", "admin", AT);
    private final Envelope fy27 = ProgrammeTest.planned(p, 2027, 1_000_000);
    private final Envelope fy28 = ProgrammeTest.planned(p, 2028, 2_000_000);

    ProgrammeEndTest() {
        p.overrideGate(fy28, "a recorded ministry decision", "meti.suzuki", AT);
    }

    private Tranche approved(Envelope e, long amount) {
        Tranche t = ProgrammeTest.tranche(p, e, amount);
        p.approve(t, e, "meti.suzuki", AT);
        return t;
    }

    private Tranche paid(Envelope e, long amount) {
        Tranche t = approved(e, amount);
        p.disburse(t, e, "nedo.sato", PAID_ON, PAID_ON, AT);
        return t;
    }

    @Test
    void returnedMoneyStaysWithTheTreasuryUntilADecisionReappropriatesItNeverMoreThanWasReturned() {
        Tranche t = paid(fy27, 600_000);
        p.recover(t, fy27, 100_000, AT);
        // ¥10,000,000 ceiling, ¥600,000 paid, ¥100,000 returned: the headroom does not grow
        assertThat(p.exposure().headroom()).isEqualTo(9_400_000);
        assertThat(fy27.exposure().headroom()).isEqualTo(400_000);
        assertThat(p.returnedToTreasury()).isEqualTo(100_000);

        assertThatThrownBy(() -> p.reappropriate(fy28, 100_001)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("the treasury holds ¥100,000");
        Movement m = p.reappropriate(fy28, 60_000);
        assertThat(m.kind()).isEqualTo(LedgerKind.REAPPROPRIATED);
        assertThat(fy28.amount).isEqualTo(2_060_000);
        assertThat(fy28.reappropriated).isEqualTo(60_000);
        assertThat(fy28.plannedAmount()).isEqualTo(2_000_000);
        assertThat(p.planned).isEqualTo(3_060_000);
        assertThat(p.exposure().headroom()).isEqualTo(9_460_000);
        assertThat(p.returnedToTreasury()).isEqualTo(40_000);

        // the ceiling still holds what is paid and committed, less what was re-appropriated
        approved(fy28, 2_060_000);
        assertThat(p.exposure().outstanding()).isEqualTo(600_000 + 2_060_000 - 60_000);
        assertThatThrownBy(() -> p.amendCeiling(3_000_000 - 1)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aTerminationMidYearCancelsTheOpenTranchesClosesEveryYearAndMovesNoMoneyAfterwards() {
        Tranche paid = paid(fy27, 600_000);
        Tranche approvedUnpaid = approved(fy27, 200_000);
        Tranche planned = p.planTranche(fy28, UUID.randomUUID(), "next year", 100_000, "nedo.tanaka", AT);

        List<Movement> end = p.end(ProgrammeState.TERMINATED, List.of(fy27, fy28), List.of(approvedUnpaid, planned),
                "meti.suzuki", "TERMINATE decision", AT);

        assertThat(end).extracting(Movement::kind).containsExactly(LedgerKind.TRANCHE_CANCELLED,
                LedgerKind.TRANCHE_CANCELLED, LedgerKind.YEAR_CLOSED, LedgerKind.YEAR_CLOSED,
                LedgerKind.PROGRAMME_TERMINATED);
        assertThat(List.of(approvedUnpaid.state, planned.state)).containsOnly(TrancheState.CANCELLED);
        // FY2027: ¥1,000,000 less ¥600,000 paid lapses; FY2028 lapses whole
        assertThat(fy27.lapsed).isEqualTo(400_000);
        assertThat(fy28.lapsed).isEqualTo(2_000_000);
        assertThat(end.get(4).amount()).isEqualTo(2_400_000);
        assertThat(p.planned).isEqualTo(600_000);
        assertThat(p.committed).isZero();
        assertThat(p.state).isEqualTo(ProgrammeState.TERMINATED);
        assertThat(List.of(fy27.isClosed(), fy28.isClosed())).containsOnly(true);

        assertThatThrownBy(() -> p.amendCeiling(20_000_000)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("TERMINATED");
        assertThatThrownBy(() -> p.end(ProgrammeState.CLOSED, List.of(), List.of(), "m", "again", AT))
                .isInstanceOf(ConflictException.class);
        p.recover(paid, fy27, 600_000, AT); // a return order's settlement still moves money back
        assertThat(p.returnedToTreasury()).isEqualTo(600_000);
    }

    @Test
    void aReversedTerminationReopensTheYearsWithWhatTheyLapsedAndGivesTheTranchesBack() {
        paid(fy27, 600_000);
        Tranche approvedUnpaid = approved(fy27, 200_000);
        Programme.Balances before = p.balances();
        p.end(ProgrammeState.TERMINATED, List.of(fy27, fy28), List.of(approvedUnpaid), "meti.suzuki",
                "TERMINATE decision d1 (…): falsified", AT);
        assertThatThrownBy(() -> p.reinstate(approvedUnpaid, fy27, LedgerKind.TRANCHE_CANCELLED, 200_000, AT))
                .isInstanceOf(ConflictException.class); // not while it is ended

        assertThatThrownBy(() -> p.resume(List.of(fy27, fy28), java.util.Map.of(), "TERMINATE decision d0 ("))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not ended by this termination");
        List<Movement> resumed = p.resume(List.of(fy27, fy28), java.util.Map.of(2027, 400_000L, 2028, 2_000_000L),
                "TERMINATE decision d1 (");
        assertThat(resumed).extracting(Movement::kind).containsExactly(LedgerKind.YEAR_REOPENED,
                LedgerKind.YEAR_REOPENED, LedgerKind.PROGRAMME_RESUMED);
        assertThat(resumed.get(2).amount()).isEqualTo(2_400_000); // what the close lapsed: FY2027 less what it paid, FY2028 whole
        p.reinstate(approvedUnpaid, fy27, LedgerKind.TRANCHE_CANCELLED, 200_000, AT);
        assertThat(p.balances()).isEqualTo(before);
        assertThat(List.of(fy27.lapsed, fy28.lapsed)).containsOnly(0L);
        assertThat(List.of(fy27.isClosed(), fy28.isClosed())).containsOnly(false);
        assertThat(approvedUnpaid.state).isEqualTo(TrancheState.APPROVED);
        assertThatThrownBy(() -> p.resume(List.of(fy27, fy28), java.util.Map.of(), "TERMINATE decision d1 ("))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is ACTIVE, not ended by this termination");
    }

    @Test
    void theFinalSettlementClosesTheProgrammeAndWhatItOrdersBackCarriesInterestAcrossALeapDay() {
        Tranche paid = paid(fy27, 600_000);
        p.end(ProgrammeState.CLOSED, List.of(fy27, fy28), List.of(), "milestone-service", "final settlement", AT);
        assertThat(p.state).isEqualTo(ProgrammeState.CLOSED);

        // ¥10,000,000 ordered back, received 1 June 2027, repaid 30 June 2028: 396 days, 29 February
        // 2028 among them, at 10.95 % a year of 365 days: 10,000,000 × 0.1095 × 396 / 365 = ¥1,188,000
        // exactly; repaid 151 days after a 31 January 2028 deadline, late interest ¥453,000
        StatutoryInterest owed = new StatutoryInterest(10_000_000, PAID_ON, LocalDate.parse("2028-01-31"),
                LocalDate.parse("2028-06-30"));
        assertThat(owed.interestDays()).isEqualTo(396);
        assertThat(owed.interest()).isEqualTo(1_188_000);
        assertThat(owed.lateDays()).isEqualTo(151);
        assertThat(owed.lateInterest()).isEqualTo(453_000);

        ReturnOrder order = ReturnOrder.issue(paid, 200_000, 0, LocalDate.parse("2027-07-01"), "paid beyond results",
                "milestone-service", AT);
        assertThat(order.interestIfRepaidOn(LocalDate.parse("2027-07-01")).interest())
                .isEqualTo(200_000L * 1_095 * 31 / 3_650_000); // 31 days: ¥1,860
        assertThatThrownBy(() -> ReturnOrder.issue(paid, 600_000, 200_000, LocalDate.parse("2027-07-01"), "more",
                "m", AT)).hasMessageContaining("¥400,000");
    }

    @Test
    void theFinalSettlementWaitsForTheLastYearToEndAndItsApprovedMoneyToBePaid() {
        Tranche unpaid = approved(fy27, 100_000);
        LocalDate lastDay = LocalDate.parse("2031-03-31"); // FY2030, the programme's last year, ends
        assertThat(p.isSettleable(lastDay, List.of())).isFalse();
        assertThat(p.isSettleable(lastDay.plusDays(1), List.of(unpaid))).isFalse();
        assertThat(p.isSettleable(lastDay.plusDays(1), List.of())).isTrue();
    }

    @Test
    void anExcessReturnedAfterTheFinalSettlementOwesLateInterestOnly() {
        Tranche paid = paid(fy27, 600_000);
        ReturnOrder order = ReturnOrder.issue(paid, 365_000, 0, LocalDate.parse("2027-07-01"), false,
                "final settlement", "milestone-service", AT);
        StatutoryInterest late = order.interestIfRepaidOn(LocalDate.parse("2027-07-11"));
        assertThat(late.interest()).isZero(); // no interest from receipt (art. 18(2), not a cancellation)
        assertThat(late.lateDays()).isEqualTo(10);
        assertThat(late.lateInterest()).isEqualTo(1_095); // 365,000 × 10.95 % × 10 / 365
    }
}
