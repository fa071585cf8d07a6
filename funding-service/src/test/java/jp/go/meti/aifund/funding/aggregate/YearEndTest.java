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
import jp.go.meti.aifund.funding.domain.LimitExceededException;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.kernel.ConflictException;

/** The year-end close, carry-over and ceiling amendments, plain: worked examples checked by hand. */
class YearEndTest {

    private static final Instant AT = Instant.parse("2027-04-01T00:00:00Z");
    private static final LocalDate MARCH_31 = LocalDate.parse("2027-03-31");
    private static final LocalDate APRIL_1 = LocalDate.parse("2027-04-01");
    private static final LocalDate MAY_15 = LocalDate.parse("2027-05-15");

    private final Programme p = Programme.create("Sovereign AI", 10_000_000, 2026, 2030, "METI", "NEDO", "admin", AT);
    private final Envelope fy26 = envelope(2026, 1_000_000);
    private final Envelope fy27 = envelope(2027, 2_000_000);

    private Envelope envelope(int fy, long amount) {
        Envelope e = p.newEnvelope(fy);
        p.plan(e, amount);
        return e;
    }

    private Tranche approved(Envelope e, long amount) {
        Tranche t = p.planTranche(e, UUID.randomUUID(), "compute", amount, "nedo.tanaka", AT);
        p.approve(t, e, "meti.suzuki", AT);
        return t;
    }

    private static long reportAddsUp(Envelope e) {
        // planned + carried in + re-appropriated = carried out + lapsed + committed + disbursed + unspent
        long right = e.carriedOut + e.lapsed + e.committed + e.disbursed + e.exposure().headroom();
        assertThat(e.plannedAmount() + e.carriedIn + e.reappropriated).isEqualTo(right);
        return right;
    }

    @Test
    void theCloseCancelsWhatWasNotApprovedAndLapsesWhatWasNeitherCommittedNorCarried() {
        Tranche paid = approved(fy26, 600_000);
        p.disburse(paid, fy26, "nedo.sato", MARCH_31, APRIL_1, AT);
        Tranche planned = p.planTranche(fy26, UUID.randomUUID(), "late", 300_000, "nedo.tanaka", AT);
        assertThatThrownBy(() -> p.close(fy26, List.of(planned), false, MARCH_31, "meti.suzuki", AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("runs until 2027-03-31");

        // ¥1,000,000 planned, ¥600,000 paid: the planned ¥300,000 tranche is cancelled, ¥400,000 lapses
        List<Movement> close = p.close(fy26, List.of(planned), false, APRIL_1, "meti.suzuki", AT);
        assertThat(close).extracting(Movement::kind).containsExactly(LedgerKind.TRANCHE_CANCELLED, LedgerKind.YEAR_CLOSED);
        assertThat(close.get(1).amount()).isEqualTo(400_000);
        assertThat(planned.state).isEqualTo(TrancheState.CANCELLED);
        assertThat(fy26.lapsed).isEqualTo(400_000);
        assertThat(fy26.amount).isEqualTo(600_000);
        assertThat(fy26.plannedAmount()).isEqualTo(1_000_000);
        assertThat(p.planned).isEqualTo(2_600_000); // 3,000,000 − 400,000: the ceiling keeps the rest unplanned
        assertThat(reportAddsUp(fy26)).isEqualTo(1_000_000);

        // a closed year's money no longer moves, and a second close changes nothing
        assertThatThrownBy(() -> p.planTranche(fy26, UUID.randomUUID(), "x", 1, "nedo.tanaka", AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> p.plan(fy26, 900_000)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> p.close(fy26, List.of(), false, MAY_15, "meti.suzuki", AT))
                .isInstanceOf(ConflictException.class);
        assertThat(fy26.lapsed).isEqualTo(400_000);
    }

    @Test
    void onTheFirstOfAprilAnApprovedUnpaidTrancheStopsTheClose_byMidMayItsMarchPaymentIsRecordedAndTheSameLapseFollows() {
        Tranche unpaid = approved(fy26, 250_000);
        assertThatThrownBy(() -> p.close(fy26, List.of(unpaid), false, APRIL_1, "meti.suzuki", AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("carry-over decision")
                .hasMessageContaining(unpaid.id.toString());
        assertThat(fy26.isClosed()).isFalse();

        // paid on 31 March, recorded on 10 May (the accounts' closing period): FY2026 money, FY2026 figures
        p.disburse(unpaid, fy26, "nedo.sato", MARCH_31, LocalDate.parse("2027-05-10"), AT);
        p.close(fy26, List.of(), false, MAY_15, "meti.suzuki", AT);
        assertThat(fy26.lapsed).isEqualTo(750_000); // 1,000,000 − 250,000
        reportAddsUp(fy26);
    }

    @Test
    void orItIsCarriedOverByDecisionWithItsCommitmentAndTheCloseOnTheFirstOfAprilLapsesTheSame() {
        Tranche unpaid = approved(fy26, 250_000);
        assertThatThrownBy(() -> p.close(fy26, List.of(), true, APRIL_1, "meti.suzuki", AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("awaits its decision");
        List<Movement> moved = p.carryOver(fy26, fy27, 0, List.of(unpaid), AT);
        assertThat(moved).extracting(Movement::kind).containsExactly(LedgerKind.CARRIED_OVER,
                LedgerKind.TRANCHE_CARRIED_OVER);
        assertThat(unpaid.fiscalYear).isEqualTo(2027);
        assertThat(unpaid.carriedOverFrom).isEqualTo(2026);
        assertThat(fy26.committed).isZero();
        assertThat(fy26.amount).isEqualTo(750_000);
        assertThat(fy27.committed).isEqualTo(250_000);
        assertThat(fy27.amount).isEqualTo(2_250_000);
        assertThat(p.planned).isEqualTo(3_000_000); // moved between years, not added
        assertThat(p.committed).isEqualTo(250_000);

        p.close(fy26, List.of(), false, APRIL_1, "meti.suzuki", AT);
        assertThat(fy26.lapsed).isEqualTo(750_000);
        assertThat(reportAddsUp(fy26)).isEqualTo(1_000_000);
        assertThat(reportAddsUp(fy27)).isEqualTo(2_250_000);
        p.disburse(unpaid, fy27, "nedo.sato", null, MAY_15, AT); // paid in FY2027, from FY2027's envelope
        assertThat(fy27.disbursed).isEqualTo(250_000);
    }

    @Test
    void aCarryOverIsNeverMoreThanTheYearsUncommittedMoneyNorPastTheLastYear() {
        approved(fy26, 700_000);
        assertThatThrownBy(() -> p.carryOver(fy26, fy27, 300_001, List.of(), AT))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("FY2026 envelope's uncommitted money");
        p.carryOver(fy26, fy27, 300_000, List.of(), AT);
        assertThat(fy26.exposure().headroom()).isZero();
        assertThat(fy27.carriedIn).isEqualTo(300_000);
        Envelope fy30 = envelope(2030, 1_000);
        assertThatThrownBy(() -> p.carryOver(fy30, null, 1, List.of(), AT)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("last year");
        Envelope fy28 = envelope(2028, 1_000);
        assertThatThrownBy(() -> p.carryOver(fy27, null, 1, List.of(), AT)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("FY2028 has no envelope");
        Tranche plannedOnly = p.planTranche(fy27, UUID.randomUUID(), "x", 10, "nedo.tanaka", AT);
        assertThatThrownBy(() -> p.carryOver(fy27, fy28, 0, List.of(plannedOnly), AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not approved");
    }

    @Test
    void theCeilingMovesByDecisionButNeverBelowWhatIsOutstandingOrPlanned() {
        approved(fy26, 700_000);
        assertThatThrownBy(() -> p.amendCeiling(699_999)).isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> p.amendCeiling(2_999_999)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("¥3,000,000 the envelopes plan together");
        assertThat(p.ceiling).isEqualTo(10_000_000);
        Movement raised = p.amendCeiling(12_000_000); // a supplementary budget
        assertThat(raised.kind()).isEqualTo(LedgerKind.CEILING_AMENDED);
        assertThat(p.exposure().headroom()).isEqualTo(12_000_000 - 700_000);
        p.amendCeiling(3_000_000); // a cut, down to what is planned
        assertThat(p.exposure().headroom()).isEqualTo(2_300_000);
    }

    @Test
    void aLeapYearsFiscalYearEndsOnTheLast31MarchToo() {
        Envelope fy27Alone = fy27; // FY2027 holds 29 February 2028
        assertThatThrownBy(() -> p.close(fy27Alone, List.of(), false, LocalDate.parse("2028-03-31"), "m", AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("runs until 2028-03-31");
        p.close(fy27Alone, List.of(), false, LocalDate.parse("2028-04-01"), "m", AT);
        assertThat(fy27Alone.lapsed).isEqualTo(2_000_000);
    }
}
