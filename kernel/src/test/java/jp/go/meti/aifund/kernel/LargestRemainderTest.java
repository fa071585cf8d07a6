package jp.go.meti.aifund.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.LargestRemainder.Part;
import jp.go.meti.aifund.kernel.LargestRemainder.Share;

class LargestRemainderTest {

    private static Share share(String name, int bp) {
        return new Share(UUID.nameUUIDFromBytes(name.getBytes()), name, bp);
    }

    @Test
    void thePartsAddUpExactlyAndTheLeftoverGoesToTheLargestRemainders() {
        // ¥100 by 1/3 each: 33.33… → 33, 33, 33 and the leftover yen to the first of equal remainders
        List<Part> parts = LargestRemainder.split(100, List.of(share("SoftBank", 3333), share("NEC", 3333),
                share("Sony", 3334)));
        assertThat(parts).extracting(Part::amount).containsExactly(33L, 33L, 34L);

        // ¥1,000 by 45 / 30 / 15 / 10 %: exact
        assertThat(LargestRemainder.split(1_000, List.of(share("SoftBank", 4500), share("NEC", 3000),
                share("Sony", 1500), share("Honda", 1000)))).extracting(Part::amount)
                .containsExactly(450L, 300L, 150L, 100L);

        // ¥7 by 45 / 30 / 15 / 10 %: floors 3, 2, 1, 0 (sum 6); remainders .15 .10 .05 .70 → Honda gets the yen
        assertThat(LargestRemainder.split(7, List.of(share("SoftBank", 4500), share("NEC", 3000),
                share("Sony", 1500), share("Honda", 1000)))).extracting(Part::amount)
                .containsExactly(3L, 2L, 1L, 1L);
    }

    @Test
    void sharesAreWeightsAndNeedNotAddUpToOneHundredPercent() {
        assertThat(LargestRemainder.split(10, List.of(share("A", 1), share("B", 1)))).extracting(Part::amount)
                .containsExactly(5L, 5L);
    }

    @Test
    void aThousandRandomSplitsAllAddUpAndNoPartIsOffByMoreThanAYen() {
        Random random = new Random(20261123);
        for (int run = 0; run < 1_000; run++) {
            long total = Math.abs(random.nextLong() % 1_000_000_000_000L);
            List<Share> shares = random.ints(1 + random.nextInt(44), 1, 10_000).mapToObj(bp -> share("m" + bp, bp))
                    .toList();
            long weights = shares.stream().mapToLong(Share::basisPoints).sum();
            List<Part> parts = LargestRemainder.split(total, shares);
            assertThat(parts.stream().mapToLong(Part::amount).sum()).isEqualTo(total);
            for (Part p : parts) {
                long floor = total * p.shareBasisPoints() / weights;
                assertThat(p.amount()).isBetween(floor, floor + 1);
            }
        }
    }

    @Test
    void nothingToSplitByIsRefused() {
        assertThatThrownBy(() -> LargestRemainder.split(10, List.of())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> LargestRemainder.split(-1, List.of(share("A", 1))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void trancheAmountsAsWeightsDoNotOverflow() {
        // ¥122,600,000,000 over tranches of ¥120,000,000,000 and ¥80,000,000,001: yen × yen exceeds a long
        long[] cuts = LargestRemainder.split(122_600_000_000L, new long[] {120_000_000_000L, 80_000_000_001L});
        assertThat(cuts[0] + cuts[1]).isEqualTo(122_600_000_000L);
        // floors 73,559,999,999 (remainder .63) and 49,040,000,000 (.37): the leftover yen goes to the first
        assertThat(cuts).containsExactly(73_560_000_000L, 49_040_000_000L);
    }
}
