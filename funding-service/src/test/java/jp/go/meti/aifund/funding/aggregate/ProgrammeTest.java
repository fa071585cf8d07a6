package jp.go.meti.aifund.funding.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.funding.aggregate.Programme.Balances;
import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.domain.Gate;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.LimitExceededException;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyesViolationException;
import jp.go.meti.aifund.kernel.InvalidRequestException;

/** The programme's money rules, with no framework: envelopes within the ceiling, commitments within both. */
class ProgrammeTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-06-01");

    static Programme programme(long ceiling) {
        return Programme.create("Sovereign AI", ceiling, 2026, 2030, "METI", "NEDO", "meti.admin", NOW);
    }

    static Envelope planned(Programme p, int fiscalYear, long amount) {
        Envelope e = p.newEnvelope(fiscalYear);
        p.plan(e, amount);
        return e;
    }

    static Tranche tranche(Programme p, Envelope e, long amount) {
        return p.planTranche(e, UUID.randomUUID(), "compute", amount, "nedo.requester", NOW);
    }

    @Test
    void envelopesTogetherStayWithinTheCeiling() {
        Programme p = programme(1_000);
        Envelope fy26 = planned(p, 2026, 600);
        Movement set = p.plan(p.newEnvelope(2027), 400);
        assertThat(set.kind()).isEqualTo(LedgerKind.ENVELOPE_SET);
        assertThat(set.before().planned()).isEqualTo(600);
        assertThat(set.after().planned()).isEqualTo(1_000);
        assertThatThrownBy(() -> p.plan(p.newEnvelope(2028), 1)).isInstanceOf(LimitExceededException.class);
        p.plan(fy26, 599); // lowering a year makes room again
        assertThat(p.planned).isEqualTo(999);
        assertThatThrownBy(() -> p.newEnvelope(2031)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("outside the programme's FY2026–FY2030");
    }

    @Test
    void anApprovalCommitsTheMoneyOnBothLimitsAndNeverBeyondEither() {
        Programme p = programme(1_000);
        Envelope e = planned(p, 2026, 500);
        Tranche first = tranche(p, e, 300);
        Tranche second = tranche(p, e, 201);
        Movement approved = p.approve(first, e, "meti.approver", NOW);
        assertThat(approved.after()).isEqualTo(new Balances(500, 300, 0, 0));
        assertThat(e.committed).isEqualTo(300);
        assertThat(first.state).isEqualTo(TrancheState.APPROVED);
        assertThatThrownBy(() -> p.approve(second, e, "meti.approver", NOW)).isInstanceOf(LimitExceededException.class);
        assertThat(p.committed).isEqualTo(300);
    }

    @Test
    void theRequesterMayNotApproveAndTheApproverMayNotDisburse() {
        Programme p = programme(1_000);
        Envelope e = planned(p, 2026, 500);
        Tranche t = tranche(p, e, 100);
        assertThatThrownBy(() -> p.approve(t, e, "nedo.requester", NOW)).isInstanceOf(FourEyesViolationException.class);
        p.approve(tranche(p, e, 100), e, "meti.approver", NOW);
        Tranche approved = tranche(p, e, 100);
        p.approve(approved, e, "meti.approver", NOW);
        assertThatThrownBy(() -> p.disburse(approved, e, "meti.approver", null, TODAY, NOW))
                .isInstanceOf(FourEyesViolationException.class);
        Movement paid = p.disburse(approved, e, "meti.treasurer", null, TODAY, NOW);
        assertThat(paid.after().disbursed()).isEqualTo(100);
        assertThat(approved.disbursedOn).isEqualTo(TODAY);
    }

    @Test
    void aDisbursementIsNotDatedInTheFutureNorBeforeItsFiscalYear() {
        Programme p = programme(1_000);
        Envelope e = planned(p, 2026, 500);
        Tranche t = tranche(p, e, 100);
        p.approve(t, e, "meti.approver", NOW);
        assertThatThrownBy(() -> p.disburse(t, e, "meti.treasurer", TODAY.plusDays(1), TODAY, NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("is after today");
        assertThatThrownBy(() -> p.disburse(t, e, "meti.treasurer", LocalDate.parse("2026-03-31"), TODAY, NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("before FY2026 began on 2026-04-01");
    }

    @Test
    void aGatedYearOpensOnAPassedReviewOrARecordedDecisionOnly() {
        Programme p = programme(1_000);
        Envelope fy27 = planned(p, 2027, 500);
        Tranche t = tranche(p, fy27, 100);
        assertThat(t.gatedByReviewYear).isEqualTo(2026);
        assertThatThrownBy(() -> p.approve(t, fy27, "meti.approver", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("gated on the finalized FY2026 review");
        fy27.reviewed("FAILED", UUID.randomUUID(), NOW);
        assertThat(fy27.gate).isEqualTo(Gate.CLOSED);
        fy27.reviewed("PASSED", UUID.randomUUID(), NOW);
        assertThat(fy27.gate).isEqualTo(Gate.OPEN);
        fy27.reviewed("CONDITIONAL", UUID.randomUUID(), NOW); // an amendment closes what a review opened
        assertThat(fy27.gate).isEqualTo(Gate.CLOSED);
        assertThat(p.overrideGate(fy27, "ministry decision", "meti.director", NOW)).isPresent();
        fy27.reviewed("FAILED", UUID.randomUUID(), NOW); // ...but not what a ministry decision opened
        assertThat(fy27.gate).isEqualTo(Gate.OPEN);
        assertThat(p.overrideGate(fy27, "again", "meti.director", NOW)).isEmpty();
        assertThat(p.approve(t, fy27, "meti.approver", NOW).kind()).isEqualTo(LedgerKind.TRANCHE_APPROVED);
        assertThatThrownBy(() -> p.overrideGate(planned(p, 2026, 1), "first year", "meti.director", NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has no gate");
    }

    @Test
    void reducingOrCancellingAnApprovedTrancheReturnsItsMoneyToTheHeadroom() {
        Programme p = programme(1_000);
        Envelope e = planned(p, 2026, 500);
        Tranche t = tranche(p, e, 300);
        p.approve(t, e, "meti.approver", NOW);
        Movement reduced = p.reduce(t, e, 200, NOW);
        assertThat(reduced.amount()).isEqualTo(100);
        assertThat(p.exposure().headroom()).isEqualTo(800);
        assertThatThrownBy(() -> p.reduce(t, e, 200, NOW)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("less than the current amount ¥200");
        p.cancel(t, e, NOW);
        assertThat(p.committed).isZero();
        assertThat(e.committed).isZero();
        assertThatThrownBy(() -> p.hold(t, NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void reinstatingWhatADecisionTookCommitsItAgainButNeverBeyondTheEnvelope() {
        Programme p = programme(1_000);
        Envelope e = planned(p, 2026, 500);
        Tranche reduced = tranche(p, e, 300);
        Tranche cancelled = tranche(p, e, 200);
        p.approve(reduced, e, "meti.approver", NOW);
        p.approve(cancelled, e, "meti.approver", NOW);
        p.reduce(reduced, e, 100, NOW);
        p.cancel(cancelled, e, NOW);
        Movement back = p.reinstate(reduced, e, LedgerKind.TRANCHE_REDUCED, 200, NOW);
        assertThat(back.kind()).isEqualTo(LedgerKind.TRANCHE_REINSTATED);
        assertThat(back.after().committed() - back.before().committed()).isEqualTo(200);
        assertThat(reduced.amount).isEqualTo(300);
        assertThat(reduced.state).isEqualTo(TrancheState.APPROVED);
        p.approve(tranche(p, e, 100), e, "meti.approver", NOW); // the envelope has 100 left: not the 200 cancelled
        assertThatThrownBy(() -> p.reinstate(cancelled, e, LedgerKind.TRANCHE_CANCELLED, 200, NOW))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("FY2026 envelope");
        assertThat(cancelled.state).as("refused, it changes nothing").isEqualTo(TrancheState.CANCELLED);
        assertThat(e.committed).isEqualTo(400);
    }

    @Test
    void aReinstatementGivesBackOnlyWhatTheDecisionTookNotWhatWasDoneSince() {
        Programme p = programme(1_000);
        Envelope e = planned(p, 2026, 500);
        Tranche t = tranche(p, e, 400);
        p.approve(t, e, "meti.approver", NOW);
        p.reduce(t, e, 200, NOW); // the decision objected to took 200
        p.cancel(t, e, NOW); // then, separately, the rest was cancelled: 200 left on the cancelled tranche
        assertThatThrownBy(() -> p.reinstate(t, e, LedgerKind.TRANCHE_REDUCED, 200, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has moved on since the decision");
        assertThat(t.state).isEqualTo(TrancheState.CANCELLED);
        assertThat(e.committed).as("nothing given back, nothing committed").isZero();
        Tranche other = tranche(p, e, 100);
        p.approve(other, e, "meti.approver", NOW);
        p.cancel(other, e, NOW);
        assertThatThrownBy(() -> p.reinstate(other, e, LedgerKind.TRANCHE_REDUCED, 100, NOW))
                .as("a cancellation is not given back as a reduction").isInstanceOf(ConflictException.class);
    }

    @Test
    void aHoldBlocksTheMoneyAndAReleaseReturnsWhereItWas() {
        Programme p = programme(1_000);
        Envelope e = planned(p, 2026, 500);
        Tranche t = tranche(p, e, 100);
        p.approve(t, e, "meti.approver", NOW);
        p.hold(t, NOW);
        assertThat(p.committed).isEqualTo(100); // approved money stays committed while held
        assertThatThrownBy(() -> p.disburse(t, e, "meti.treasurer", null, TODAY, NOW)).isInstanceOf(ConflictException.class);
        p.release(t, NOW);
        assertThat(t.state).isEqualTo(TrancheState.APPROVED);
    }

    @Test
    void recoveredMoneyGoesToTheTreasuryNeverMoreThanWasPaid() {
        Programme p = programme(1_000);
        Envelope e = planned(p, 2026, 500);
        Tranche t = tranche(p, e, 100);
        p.approve(t, e, "meti.approver", NOW);
        p.disburse(t, e, "meti.treasurer", null, TODAY, NOW);
        p.recover(t, e, 40, NOW);
        assertThat(t.recoveredAmount).isEqualTo(40);
        assertThat(p.exposure().headroom()).isEqualTo(900); // 国庫返納: no headroom without a decision
        assertThat(p.returnedToTreasury()).isEqualTo(40);
        assertThat(e.exposure().headroom()).isEqualTo(400);
        assertThatThrownBy(() -> p.recover(t, e, 61, NOW)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("¥60 still recoverable");
    }
}
