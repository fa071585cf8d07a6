package jp.go.meti.aifund.funding.aggregate;

import static jp.go.meti.aifund.funding.aggregate.ProgrammeTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.funding.domain.PullbackDecision;
import jp.go.meti.aifund.funding.domain.PullbackState;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyesViolationException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Ratio;

/** A pullback acts on funding-service's own tranches: the recommendation's figures are only an estimate. */
class PullbackTest {

    private Programme programme;
    private Envelope fy27;
    private List<Tranche> gated;

    @BeforeEach
    void threeApprovedTranchesInAGatedYear() {
        programme = ProgrammeTest.programme(1_000_000);
        fy27 = ProgrammeTest.planned(programme, 2027, 900_000);
        programme.overrideGate(fy27, "advance", "meti.director", NOW);
        gated = List.of(ProgrammeTest.tranche(programme, fy27, 100_000), ProgrammeTest.tranche(programme, fy27, 100_000),
                ProgrammeTest.tranche(programme, fy27, 100_001));
        gated.forEach(t -> programme.approve(t, fy27, "meti.approver", NOW));
    }

    private Pullback.Received received(String score, long estimatedReduction) {
        Ratio s = Ratio.parse(score);
        return Pullback.receive(new Pullback.Recommendation(UUID.randomUUID(), programme.id, UUID.randomUUID(), 2026,
                2027, s.floorBasisPoints(), s, "pullback-policy/2", 1, estimatedReduction, "[]", 42L), programme, gated,
                NOW);
    }

    private List<Tranche> stillHeld() {
        return gated.stream().filter(t -> t.state == TrancheState.ON_HOLD).toList();
    }

    @Test
    void theHoldHoldsEveryOpenGatedTrancheAndTheReductionIsOfWhatItHolds() {
        Pullback p = received("1/3", 7).pullback();
        assertThat(stillHeld()).hasSize(3);
        assertThat(p.heldAmount).isEqualTo(300_001);
        // ⌊300,001 × 2/3⌋ = 200,000, whatever the estimate (¥7) said
        assertThat(p.policyReductionOfHeld()).isEqualTo(200_000);
        assertThat(p.recommendedReduction).isEqualTo(7);
        assertThat(p.estimateAsOfLedgerEntry).isEqualTo(42L);
        assertThat(received("1/3", 7).holds()).as("a second recommendation finds nothing left to hold").isEmpty();
    }

    @Test
    void aConfirmedReductionSplitsExactlyAcrossTheHeldTranchesByTheirAmounts() {
        Pullback p = received("1/3", 7).pullback();
        p.propose(PullbackDecision.REDUCE_BY_RECOMMENDATION, null, " as recommended ", "meti.a", stillHeld(), NOW);
        assertThat(p.decisionAmount).isEqualTo(200_000);
        assertThat(p.state).isEqualTo(PullbackState.PROPOSED);
        assertThatThrownBy(() -> p.confirm(programme, fy27, stillHeld(), "meti.a", NOW))
                .isInstanceOf(FourEyesViolationException.class);
        long committed = programme.committed;
        var moves = p.confirm(programme, fy27, stillHeld(), "meti.b", NOW);
        assertThat(moves).hasSize(3);
        assertThat(moves.stream().mapToLong(Programme.Movement::amount).sum()).isEqualTo(200_000);
        assertThat(gated).extracting(t -> t.amount).containsExactly(33_333L, 33_334L, 33_334L);
        assertThat(programme.committed).isEqualTo(committed - 200_000);
        assertThat(p.state).isEqualTo(PullbackState.DECIDED);
        assertThat(p.decisionRecord("meti.b")).contains("proposed by meti.a, confirmed by meti.b: as recommended");
        assertThatThrownBy(() -> p.propose(PullbackDecision.LIFT, null, "again", "meti.a", List.of(), NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e).hasMessageContaining("already decided").hasMessageEndingWith(": REDUCE_BY_RECOMMENDATION");
                    assertThat(e.message(java.util.Locale.JAPANESE)).isEqualTo("勧告 " + p.id
                            + " については省が既に決定しています：勧告どおりの減額");
                });
    }

    @Test
    void aConfirmationRefusesWhenTheHeldTranchesChangedSinceTheProposal() {
        Pullback p = received("1/3", 7).pullback();
        p.propose(PullbackDecision.REDUCE_BY_RECOMMENDATION, null, "as recommended", "meti.a", stillHeld(), NOW);
        programme.cancel(gated.get(0), fy27, NOW); // one held tranche cancelled by a separate decision
        assertThatThrownBy(() -> p.confirm(programme, fy27, stillHeld(), "meti.b", NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("¥133,334 now, ¥200,000 was proposed");
    }

    @Test
    void aDecidedAmountIsRequiredForReduceByAmountOnlyAndNeverExceedsWhatIsHeld() {
        Pullback p = received("1/3", 7).pullback();
        assertThatThrownBy(() -> p.propose(PullbackDecision.REDUCE_BY_AMOUNT, null, "x", "meti.a", stillHeld(), NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("required for REDUCE_BY_AMOUNT");
        assertThatThrownBy(() -> p.propose(PullbackDecision.LIFT, 5L, "x", "meti.a", stillHeld(), NOW))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> p.propose(PullbackDecision.REDUCE_BY_AMOUNT, 300_002L, "too much", "meti.a",
                stillHeld(), NOW)).as("refused when proposed, as it could never be confirmed")
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("exceeds the ¥300,001");
        p.propose(PullbackDecision.REDUCE_BY_AMOUNT, 300_001L, "all of it", "meti.a", stillHeld(), NOW);
        stillHeld().get(0).amount -= 1; // a held tranche reduced meanwhile: the amount decided is no longer held
        assertThatThrownBy(() -> p.confirm(programme, fy27, stillHeld(), "meti.b", NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("exceeds the ¥300,000");
    }

    @Test
    void aLiftReturnsTheTranchesAndACancellationFreesTheirMoney() {
        Pullback lift = received("1/2", 0).pullback();
        lift.propose(PullbackDecision.LIFT, null, "targets met", "meti.a", stillHeld(), NOW);
        lift.confirm(programme, fy27, stillHeld(), "meti.b", NOW);
        assertThat(gated).extracting(t -> t.state).containsOnly(TrancheState.APPROVED);
        Pullback cancel = received("1/2", 0).pullback();
        cancel.propose(PullbackDecision.CANCEL, null, "restructured", "meti.a", stillHeld(), NOW);
        cancel.confirm(programme, fy27, stillHeld(), "meti.b", NOW);
        assertThat(gated).extracting(t -> t.state).containsOnly(TrancheState.CANCELLED);
        assertThat(programme.committed).isZero();
    }

    @Test
    void aPolicyOneRecommendationIsDecidedOnItsBasisPoints() {
        Pullback p = Pullback.receive(new Pullback.Recommendation(UUID.randomUUID(), programme.id, UUID.randomUUID(),
                2026, 2027, 3333, null, "pullback-policy/1", 0, 0, "[]", null), programme, gated, NOW).pullback();
        assertThat(p.decisiveScore()).isEqualTo(Ratio.basisPoints(3333));
        assertThat(p.policyReductionOfHeld()).isEqualTo(200_010); // ⌊300,001 × 0.6667⌋
    }
}
