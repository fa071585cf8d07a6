package jp.go.meti.aifund.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import jp.go.meti.aifund.kernel.Ratio;

/**
 * Outcome and reduction over random reviews, against a reference written independently of
 * {@link Ratio}: every KPI value scaled to whole millionths, the score kept as one integer fraction
 * over the product of all spans, compared by cross-multiplication. Values are drawn near the
 * marks on purpose (results that average exactly 50 % or 80 % are frequent), where a rounding
 * before the decision would change it.
 */
class ExactScoringPropertyTest {

    private static final long SEED = 20_261_201L;
    private static final int REVIEWS = 20_000;
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    record Drawn(Direction direction, BigDecimal target, BigDecimal threshold, BigDecimal actual, int weight,
            boolean critical) {
    }

    @Test
    void outcomeAndReductionAreWhatTheExactReferenceComputes() {
        Random random = new Random(SEED);
        int passedAtTheMark = 0;
        for (int n = 0; n < REVIEWS; n++) {
            List<Drawn> review = draw(random);
            List<ReviewScoring.Item> items = new ArrayList<>();
            for (Drawn d : review) {
                items.add(new ReviewScoring.Item("M", d.weight(), d.critical(),
                        new Kpi(d.direction(), d.target(), d.threshold()).assess(d.actual())));
            }
            ReviewScoring.Score score = ReviewScoring.score(items);
            BigInteger[] reference = referenceScore(review);
            long planned = Math.floorMod(random.nextLong(), 1_000_000_000_000L);

            String why = "review " + n + " of seed " + SEED + ": " + review;
            assertThat(score.outcome()).as(why).isEqualTo(referenceOutcome(review, reference));
            assertThat(score.exact().complement().floorOf(planned)).as(why).isEqualTo(
                    BigInteger.valueOf(planned).multiply(reference[1].subtract(reference[0])).divide(reference[1])
                            .longValueExact());
            assertThat(score.scoreBasisPoints()).as(why).isEqualTo(
                    reference[0].multiply(BigInteger.valueOf(10_000)).divide(reference[1]).intValueExact());
            if (score.outcome() == Outcome.PASSED && reference[0].multiply(BigInteger.valueOf(5))
                    .equals(reference[1].multiply(BigInteger.valueOf(4)))) {
                passedAtTheMark++;
            }
        }
        // the draw must reach the boundary the rule was wrong at, or this test proves little
        assertThat(passedAtTheMark).isGreaterThan(100);
    }

    /**
     * One review in three is balanced on a mark: equal weights, and results in pairs the same
     * distance above and below 50 % or 80 % of the span, so that the exact score is the mark itself.
     * The others: two to five milestones, random weights adding to 100 %, values on a grid of
     * millionths, often near the marks, sometimes below the threshold or beyond the target.
     */
    private static List<Drawn> draw(Random random) {
        return random.nextInt(3) == 0 ? balancedOnAMark(random) : anyReview(random);
    }

    private static List<Drawn> balancedOnAMark(Random random) {
        int count = 2 * (1 + random.nextInt(2));
        long span = 100_000_000;
        long mark = random.nextBoolean() ? span * 4 / 5 : span / 2;
        List<Drawn> review = new ArrayList<>();
        for (int i = 0; i < count; i += 2) {
            long off = random.nextInt(20_000);
            review.add(milestone(Direction.AT_LEAST, 0, span, mark - off, 10_000 / count, random.nextBoolean()));
            review.add(milestone(Direction.AT_MOST, 0, span, mark + off, 10_000 / count, random.nextBoolean()));
        }
        return review;
    }

    private static List<Drawn> anyReview(Random random) {
        int count = 2 + random.nextInt(4);
        int left = 10_000;
        List<Drawn> review = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int weight = i == count - 1 ? left : 1 + random.nextInt(left - (count - 1 - i));
            left -= weight;
            Direction direction = random.nextBoolean() ? Direction.AT_LEAST : Direction.AT_MOST;
            long low = random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000);
            long span = random.nextBoolean() ? 100_000_000 : 1 + random.nextInt(900_000_000);
            long gained = switch (random.nextInt(4)) {
                case 0 -> span * 4 / 5 + random.nextInt(11) - 5;      // around 80 % of the span
                case 1 -> span / 2 + random.nextInt(11) - 5;          // around 50 %
                case 2 -> -1 - random.nextInt(1000);                  // below the threshold
                default -> (long) (random.nextDouble() * span * 1.2);  // anywhere, beyond the target too
            };
            review.add(milestone(direction, low, span, gained, weight, random.nextInt(4) == 0));
        }
        return review;
    }

    /** A KPI whose threshold and target are {@code span} millionths apart, {@code gained} past the threshold. */
    private static Drawn milestone(Direction direction, long low, long span, long gained, int weight, boolean critical) {
        boolean atLeast = direction == Direction.AT_LEAST;
        return new Drawn(direction, micro(atLeast ? low + span : low), micro(atLeast ? low : low + span),
                micro(atLeast ? low + gained : low + span - gained), weight, critical);
    }

    private static BigDecimal micro(long millionths) {
        return BigDecimal.valueOf(millionths, 6);
    }

    /** {numerator, denominator} of Σ weight/10,000 × clamp(gained/span), over 10,000 × Π spans. */
    private static BigInteger[] referenceScore(List<Drawn> review) {
        BigInteger denominator = BigInteger.valueOf(10_000);
        for (Drawn d : review) {
            denominator = denominator.multiply(span(d));
        }
        BigInteger numerator = BigInteger.ZERO;
        for (Drawn d : review) {
            BigInteger gained = gained(d).max(BigInteger.ZERO).min(span(d));
            BigInteger others = denominator.divide(BigInteger.valueOf(10_000)).divide(span(d));
            numerator = numerator.add(BigInteger.valueOf(d.weight()).multiply(gained).multiply(others));
        }
        return new BigInteger[] {numerator, denominator};
    }

    private static Outcome referenceOutcome(List<Drawn> review, BigInteger[] score) {
        boolean missed = review.stream().anyMatch(d -> gained(d).signum() < 0);
        boolean criticalMissed = review.stream().anyMatch(d -> d.critical() && gained(d).signum() < 0);
        // score < 1/2 ⇔ 2 × numerator < denominator; score < 4/5 ⇔ 5 × numerator < 4 × denominator
        if (criticalMissed || score[0].shiftLeft(1).compareTo(score[1]) < 0) {
            return Outcome.FAILED;
        }
        if (missed || score[0].multiply(BigInteger.valueOf(5)).compareTo(score[1].multiply(BigInteger.valueOf(4))) < 0) {
            return Outcome.CONDITIONAL;
        }
        return Outcome.PASSED;
    }

    private static BigInteger span(Drawn d) {
        return millionths(d.direction() == Direction.AT_LEAST ? d.target().subtract(d.threshold())
                : d.threshold().subtract(d.target()));
    }

    private static BigInteger gained(Drawn d) {
        return millionths(d.direction() == Direction.AT_LEAST ? d.actual().subtract(d.threshold())
                : d.threshold().subtract(d.actual()));
    }

    private static BigInteger millionths(BigDecimal value) {
        return value.multiply(new BigDecimal(MILLION)).toBigIntegerExact();
    }
}
