package jp.go.meti.aifund.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RatioTest {

    @Test
    void isKeptInLowestTermsAndReadsBackExactly() {
        Ratio third = Ratio.of(new BigDecimal("100.000"), new BigDecimal("300"));
        assertThat(third).hasToString("1/3").isEqualTo(Ratio.parse("2/6"));
        assertThat(Ratio.parse(third.toString())).isEqualTo(third);
        assertThat(Ratio.basisPoints(10_000)).isEqualTo(Ratio.ONE).hasToString("1/1");
        assertThat(Ratio.basisPoints(0)).isEqualTo(Ratio.ZERO).hasToString("0/1");
    }

    @Test
    void arithmeticIsExact() {
        // 1/3 + 1/6 = 1/2; 2/5 × 1/3 = 2/15; 1 − 4/15 = 11/15
        assertThat(Ratio.parse("1/3").plus(Ratio.parse("1/6"))).isEqualTo(Ratio.parse("1/2"));
        assertThat(Ratio.parse("2/5").times(Ratio.parse("1/3"))).isEqualTo(Ratio.parse("2/15"));
        assertThat(Ratio.parse("4/15").complement()).isEqualTo(Ratio.parse("11/15"));
        assertThat(Ratio.parse("1/3").isBelow(Ratio.basisPoints(3334))).isTrue();
        assertThat(Ratio.parse("1/3").isBelow(Ratio.basisPoints(3333))).isFalse();
    }

    @Test
    void roundsDownOnlyWhereItBecomesYenOrBasisPoints() {
        // ¥153,333,333,334 × 11/15 = ¥112,444,444,444.93… → ¥112,444,444,444
        assertThat(Ratio.parse("11/15").floorOf(153_333_333_334L)).isEqualTo(112_444_444_444L);
        // ¥1 trillion × (10^12 − 1)/10^12 does not overflow on the way
        assertThat(Ratio.parse("999999999999/1000000000000").floorOf(1_000_000_000_000L)).isEqualTo(999_999_999_999L);
        assertThat(Ratio.parse("2/3").floorBasisPoints()).isEqualTo(6666);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1/0", "-1/2", "01/2", "1/02", " 1/2", "1.5/2", "1/2/3"})
    void refusesWhatIsNotAWrittenRatio(String written) {
        assertThatThrownBy(() -> Ratio.parse(written)).isInstanceOf(IllegalArgumentException.class);
    }
}
