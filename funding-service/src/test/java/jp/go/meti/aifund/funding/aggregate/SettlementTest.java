package jp.go.meti.aifund.funding.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.funding.aggregate.Settlement.Step;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.MilestoneResult;
import jp.go.meti.aifund.funding.domain.PaymentRule;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Ratio;

/** The payment rules, roll-over, lapse and amendments of result-linked money, with worked examples checked by hand. */
class SettlementTest {

    private final InMemoryResults book = new InMemoryResults();

    @Test
    void theRulesEarnAllOrNothingOrTheAchievementRoundedDownAndCappedAtOne() {
        MilestoneResult met = new MilestoneResult("PARAMS", null, true, Ratio.ONE);
        MilestoneResult almost = new MilestoneResult("PARAMS", null, false, Ratio.parse("99/100"));
        // ⌊1,000,000,001 × 2/3⌋ = ⌊666,666,667.33…⌋ = 666,666,667
        MilestoneResult twoThirds = new MilestoneResult("PARAMS", null, false, Ratio.parse("2/3"));
        MilestoneResult beyond = new MilestoneResult("PARAMS", null, true, Ratio.parse("5/4"));
        assertThat(PaymentRule.ALL_OR_NOTHING.earned(1_000_000_001L, met)).isEqualTo(1_000_000_001L);
        assertThat(PaymentRule.ALL_OR_NOTHING.earned(1_000_000_001L, almost)).isZero();
        assertThat(PaymentRule.SCALABLE.earned(1_000_000_001L, twoThirds)).isEqualTo(666_666_667L);
        assertThat(PaymentRule.SCALABLE.earned(1_000_000_001L, almost)).isEqualTo(990_000_000L); // ⌊990,000,000.99⌋
        assertThat(PaymentRule.SCALABLE.earned(1_000_000_001L, beyond)).isEqualTo(1_000_000_001L);
        assertThat(PaymentRule.SCALABLE.earned(1_000_000_001L, MilestoneResult.NONE)).isZero();
    }

    @Test
    void aScalableTrancheEarnsItsShareAndTheRestRollsOverUntilItsLastYearThenLapses() {
        Tranche t = book.plan(10_000_000_000L, PaymentRule.SCALABLE, 2028);
        assertThatThrownBy(() -> book.approve(t)).isInstanceOf(ConflictException.class).hasMessageContaining("awaits");

        // FY2026: 2/3 of ¥10,000,000,000 = ¥6,666,666,666.67 → ¥6,666,666,666 earned, ¥3,333,333,334 rolls over
        List<Step> steps = book.review(2026, 1, false, "2/3");
        assertThat(steps).extracting(s -> s.movement().kind()).containsExactly(LedgerKind.TRANCHE_EARNED,
                LedgerKind.TRANCHE_ROLLED_OVER, LedgerKind.TRANCHE_PLANNED);
        assertThat(t.amount).isEqualTo(6_666_666_666L);
        assertThat(t.awaitingResult).isFalse();
        ResultLink first = book.linkOf(t);
        assertThat(first.rolledOver).isEqualTo(3_333_333_334L);
        Tranche next = book.tranchesOf(book.links.get(first.rolledOverTo)).get(0);
        assertThat(next.fiscalYear).isEqualTo(2028);
        assertThat(next.amount).isEqualTo(3_333_333_334L);
        assertThat(next.awaitingResult).isTrue();
        book.approve(t); // its own result gates it: no review gate of FY2027 was opened

        // FY2027 checkpoint: 1/2 of ¥3,333,333,334 = ¥1,666,666,667 earned; FY2028 is the last year it may
        // be paid in, so the other ¥1,666,666,667 lapses. 6,666,666,666 + 1,666,666,667 + 1,666,666,667 = 10^10
        book.review(2027, 1, false, "1/2");
        ResultLink second = book.links.get(first.rolledOverTo);
        assertThat(next.amount).isEqualTo(1_666_666_667L);
        assertThat(second.lapsed).isEqualTo(1_666_666_667L);
        assertThat(second.rolledOverTo).isNull();
        assertThat(first.earned + second.earned + second.lapsed).isEqualTo(10_000_000_000L);
    }

    @Test
    void allOrNothingMissedLapsesWholeWithALedgerStepAndNothingToApprove() {
        Tranche t = book.plan(5_000_000_000L, PaymentRule.ALL_OR_NOTHING, null);
        List<Step> steps = book.review(2026, 1, false, "99/100");
        assertThat(steps).extracting(s -> s.movement().kind()).containsExactly(LedgerKind.TRANCHE_EARNED,
                LedgerKind.TRANCHE_LAPSED);
        assertThat(steps.get(1).movement().amount()).isEqualTo(5_000_000_000L);
        assertThat(steps.get(1).reason()).contains("¥5000000000 lapsed");
        assertThat(t.amount).isZero();
        assertThat(book.linkOf(t).lapsed).isEqualTo(5_000_000_000L);
        assertThat(book.programme.committed).isZero(); // it never left the headroom
        assertThatThrownBy(() -> book.approve(t)).isInstanceOf(ConflictException.class).hasMessageContaining("earned nothing");
    }

    @Test
    void anAmendmentNeverPaysTheSameYenTwice() {
        // ¥1,000,000 SCALABLE, rolling over until FY2029
        Tranche t = book.plan(1_000_000, PaymentRule.SCALABLE, 2029);
        book.review(2026, 1, false, "3/4"); // earned 750,000; 250,000 rolls over
        book.approve(t);
        book.disburse(t);
        ResultLink link = book.linkOf(t);
        Tranche rolled = book.tranchesOf(book.links.get(link.rolledOverTo)).get(0);
        assertThat(rolled.amount).isEqualTo(250_000);

        // revision 2: 1/2 → earned 500,000, but 750,000 was paid: 250,000 overpaid; 500,000 rolls over
        List<Step> lower = book.review(2026, 2, false, "1/2");
        assertThat(lower).extracting(s -> s.movement().kind()).contains(LedgerKind.TRANCHE_OVERPAID);
        assertThat(link.earned).isEqualTo(500_000);
        assertThat(link.overpaid).isEqualTo(250_000);
        assertThat(rolled.amount).isEqualTo(500_000);

        // revision 3: MET → earned 1,000,000: the 250,000 overpaid is forgiven, 250,000 more is paid by a
        // new tranche (the paid one is never raised), and nothing remains to roll over
        book.review(2026, 3, true, "1/1");
        assertThat(link.overpaid).isZero();
        List<Tranche> family = book.tranchesOf(link);
        assertThat(family).hasSize(2);
        Tranche topUp = family.get(1);
        assertThat(topUp.amount).isEqualTo(250_000);
        assertThat(topUp.state).isEqualTo(TrancheState.PLANNED);
        assertThat(rolled.amount).isZero();
        book.approve(topUp);
        book.disburse(topUp);
        assertThat(t.amount + topUp.amount).isEqualTo(1_000_000); // paid: exactly what was earned, once
        assertThat(book.programme.disbursed).isEqualTo(1_000_000);
    }

    @Test
    void anAmendmentLoweringAnApprovedTrancheReturnsItsCommitmentToTheHeadroom() {
        Tranche t = book.plan(800_000, PaymentRule.SCALABLE, null);
        book.review(2026, 1, true, "1/1");
        book.approve(t);
        assertThat(book.programme.committed).isEqualTo(800_000);
        // revision 2: 5/8 → ⌊800,000 × 5/8⌋ = 500,000 earned; 300,000 released and lapsed
        List<Step> steps = book.review(2026, 2, false, "5/8");
        assertThat(t.amount).isEqualTo(500_000);
        assertThat(t.state).isEqualTo(TrancheState.APPROVED);
        assertThat(book.programme.committed).isEqualTo(500_000);
        assertThat(book.envelopes.get(2027).committed).isEqualTo(500_000);
        assertThat(steps.get(0).movement().before().committed() - steps.get(0).movement().after().committed())
                .isEqualTo(300_000);
        assertThat(book.linkOf(t).lapsed).isEqualTo(300_000);
        // an older revision delivered late changes nothing
        assertThat(book.review(2026, 1, true, "1/1")).isEmpty();
        assertThat(t.amount).isEqualTo(500_000);
    }

    @Test
    void aTrancheIsRefusedForAnotherProgrammesMilestoneALaterOneOrARollOverPastTheLastYear() {
        Programme p = book.programme;
        Envelope fy27 = book.envelopes.get(2027);
        var foreign = new ResultLink.MilestoneRef(UUID.randomUUID(), UUID.randomUUID(), 2026, "PARAMS", null);
        var sameYear = new ResultLink.MilestoneRef(UUID.randomUUID(), p.id, 2027, "PARAMS", null);
        var noGoal = new ResultLink.MilestoneRef(UUID.randomUUID(), p.id, 2026, "JA-BENCH", null);
        var withGoal = new ResultLink.MilestoneRef(UUID.randomUUID(), p.id, 2026, "PARAMS", InMemoryResults.GOAL);
        assertThatThrownBy(() -> p.planResultLinked(fy27, book.recipient, null, 1, foreign, PaymentRule.SCALABLE, null,
                "a", InMemoryResults.NOW)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("resultLink.milestoneId").hasMessageContaining("of programme " + foreign.programmeId());
        assertThatThrownBy(() -> p.planResultLinked(fy27, book.recipient, null, 1, sameYear, PaymentRule.SCALABLE, null,
                "a", InMemoryResults.NOW)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("later fiscal year");
        assertThatThrownBy(() -> p.planResultLinked(fy27, book.recipient, null, 1, noGoal, PaymentRule.SCALABLE, 2028,
                "a", InMemoryResults.NOW)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("implements no goal");
        assertThatThrownBy(() -> p.planResultLinked(fy27, book.recipient, null, 1, withGoal, PaymentRule.SCALABLE, 2031,
                "a", InMemoryResults.NOW)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("resultLink.rollOverUntil").hasMessageContaining("last fiscal year FY2030");
    }
}
