package jp.go.meti.aifund.funding.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.go.meti.aifund.funding.domain.MilestoneResult;
import jp.go.meti.aifund.funding.domain.PaymentRule;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.kernel.Ratio;

/**
 * Random review outcomes and amendments, in random order with approvals, disbursements, holds and
 * recoveries between them, against a small reference model that recomputes the whole chain from the
 * latest result of each year. After every step: each link earned what the model says; every yen of
 * the allocation is in exactly one of paid, recovered, approved and not yet paid, held, earned and
 * awaiting approval, awaiting its result, or lapsed (less what is overpaid and owed back); no link
 * ever paid more than it earned plus what it records as overpaid, nor keeps less than it earned once
 * an overpayment it repaid is earned again; and the programme's committed and
 * disbursed totals are the tranches'. A failure prints its seed.
 */
class ResultLinkedModelTest {

    /** The reference: the chain recomputed from scratch from the latest result of each reviewed year. */
    record Expected(List<Long> earned, long lapsed, long awaiting) {

        static Expected of(long allocation, PaymentRule rule, Integer rollOverUntil, Map<Integer, MilestoneResult> latest) {
            List<Long> earned = new ArrayList<>();
            long a = allocation;
            for (int year = 2026, paidIn = 2027; ; year++, paidIn++) {
                MilestoneResult r = latest.get(year);
                if (r == null) {
                    return new Expected(earned, 0, a);
                }
                long e = rule == PaymentRule.SCALABLE ? r.cappedAchievement().floorOf(a) : r.met() ? a : 0;
                earned.add(e);
                if (rollOverUntil == null || paidIn >= rollOverUntil) {
                    return new Expected(earned, a - e, 0);
                }
                a -= e;
            }
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyYenEndsInExactlyOnePlace(long seed) {
        Random random = new Random(seed);
        InMemoryResults book = new InMemoryResults();
        long allocation = 1 + random.nextInt(2_000_000_000);
        PaymentRule rule = random.nextBoolean() ? PaymentRule.SCALABLE : PaymentRule.ALL_OR_NOTHING;
        Integer rollOverUntil = random.nextInt(3) == 0 ? null : 2028 + random.nextInt(3);
        Tranche first = book.plan(allocation, rule, rollOverUntil);
        Map<Integer, MilestoneResult> latest = new HashMap<>();
        Map<Integer, Integer> revision = new HashMap<>();
        for (int step = 0; step < 60; step++) {
            int action = random.nextInt(10);
            if (action < 4) { // a review finalized, or an amendment of one already finalized
                int year = 2026 + random.nextInt(Math.min(4, latest.size() + 1));
                boolean met = random.nextInt(4) == 0;
                String achievement = met ? "1/1" : random.nextInt(1000) + "/" + (1 + random.nextInt(1000));
                MilestoneResult r = new MilestoneResult("x", InMemoryResults.GOAL, met, Ratio.parse(achievement));
                if (r.achievement().compareTo(Ratio.ONE) >= 0 && !met) {
                    continue; // a review writes MET for a full achievement
                }
                int rev = revision.merge(year, 1, Integer::sum);
                latest.put(year, r);
                book.review(year, rev, met, achievement);
            } else {
                Tranche t = book.tranches.get(random.nextInt(book.tranches.size()));
                try {
                    switch (action) {
                        case 4, 5 -> book.approve(t);
                        case 6, 7 -> book.disburse(t);
                        case 8 -> book.programme.hold(t, InMemoryResults.NOW);
                        default -> {
                            ResultLink l = book.linkOf(t);
                            long owed = l.overpaid - book.sum(book.tranchesOf(l), x -> x.recoveredAmount);
                            if (owed > 0 && t.disbursedOn != null) {
                                book.programme.recover(t, book.envelopes.get(t.fiscalYear),
                                        Math.min(owed, t.amount - t.recoveredAmount), InMemoryResults.NOW);
                            } else if (t.state == TrancheState.ON_HOLD) {
                                book.programme.release(t, InMemoryResults.NOW);
                            }
                        }
                    }
                } catch (RuntimeException refused) {
                    // the life cycle refused it (not earned, not approved, …): nothing changed
                }
            }
            check(book, first, Expected.of(allocation, rule, rollOverUntil, latest), allocation, seed);
        }
    }

    private static void check(InMemoryResults book, Tranche first, Expected expected, long allocation, long seed) {
        List<ResultLink> chain = book.chain(book.linkOf(first));
        String why = "seed " + seed + ", chain " + chain.size();
        List<Long> earned = chain.stream().filter(ResultLink::isAssessed).map(l -> l.earned).toList();
        // a link whose remainder was 0 has no successor; the model continues with 0
        assertThat(earned).as(why).isEqualTo(expected.earned().subList(0, earned.size()));
        assertThat(expected.earned().subList(earned.size(), expected.earned().size())).as(why).allMatch(e -> e == 0);
        long lapsed = chain.stream().mapToLong(l -> l.lapsed).sum();
        long overpaid = chain.stream().mapToLong(l -> l.overpaid).sum();

        List<Tranche> all = book.tranches.stream().filter(t -> t.state != TrancheState.CANCELLED).toList();
        long paid = book.sum(all, t -> t.disbursedOn == null ? 0 : t.amount - t.recoveredAmount);
        long recovered = book.sum(all, t -> t.recoveredAmount);
        long held = book.sum(book.inState(TrancheState.ON_HOLD), t -> t.amount);
        long approvedUnpaid = book.sum(all, t -> t.isApproved() && t.disbursedOn == null
                && t.state != TrancheState.ON_HOLD ? t.amount : 0);
        long awaiting = book.sum(all, t -> t.awaitingResult && t.state != TrancheState.ON_HOLD ? t.amount : 0);
        long earnedNotApproved = book.sum(all, t -> !t.isApproved() && !t.awaitingResult
                && t.state != TrancheState.ON_HOLD ? t.amount : 0);
        assertThat(paid + recovered + approvedUnpaid + held + earnedNotApproved + awaiting + lapsed - overpaid)
                .as(why).isEqualTo(allocation);
        assertThat(lapsed).as(why).isEqualTo(expected.lapsed());
        assertThat(awaiting + book.sum(book.inState(TrancheState.ON_HOLD), t -> t.awaitingResult ? t.amount : 0))
                .as(why).isEqualTo(expected.awaiting());
        for (ResultLink l : chain) {
            List<Tranche> family = book.tranchesOf(l).stream().filter(t -> t.state != TrancheState.CANCELLED).toList();
            long paidGross = book.sum(family, t -> t.disbursedOn == null ? 0 : t.amount);
            assertThat(paidGross).as(why + ": never paid beyond what was earned and recorded overpaid")
                    .isLessThanOrEqualTo((l.isAssessed() ? l.earned : 0) + l.overpaid);
            assertThat(book.sum(family, t -> t.amount) - l.overpaid).as(why)
                    .isEqualTo(l.isAssessed() ? l.earned : l.allocation);
            // the recipient keeps or will be paid exactly what was earned, plus what it still owes back
            long recoveredOfLink = book.sum(family, t -> t.recoveredAmount);
            assertThat(book.sum(family, t -> t.amount - t.recoveredAmount)).as(why + ": paid once, never short")
                    .isEqualTo((l.isAssessed() ? l.earned : l.allocation) + Math.max(0, l.overpaid - recoveredOfLink));
        }
        assertThat(book.programme.committed).as(why).isEqualTo(approvedUnpaid + book.sum(book.inState(TrancheState.ON_HOLD),
                t -> t.isApproved() ? t.amount : 0));
        assertThat(book.programme.disbursed).as(why).isEqualTo(book.sum(all, t -> t.disbursedOn == null ? 0 : t.amount));
    }
}
