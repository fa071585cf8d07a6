package jp.go.meti.aifund.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Ratio;

class KpiTest {

    /** Japanese benchmark score: target 80, acceptable from 60. */
    private static final Kpi BENCHMARK = new Kpi(Direction.AT_LEAST, new BigDecimal("80"), new BigDecimal("60"));
    /** Energy per training run in MWh: target 900, acceptable up to 1,200. */
    private static final Kpi ENERGY = new Kpi(Direction.AT_MOST, new BigDecimal("900"), new BigDecimal("1200"));

    @ParameterizedTest(name = "at least: {0} → {1} {2} ({3} bp shown)")
    @CsvSource({
            "59.999999, MISSED, 0/1, 0",
            "0, MISSED, 0/1, 0",
            "60, PARTIALLY_MET, 0/1, 0",                     // at the threshold: acceptable, nothing earned
            "60.000001, PARTIALLY_MET, 1/20000000, 0",       // 0.000001 / 20, exact; shown as 0 bp
            "70, PARTIALLY_MET, 1/2, 5000",                  // halfway
            "66.666666, PARTIALLY_MET, 3333333/10000000, 3333", // shown rounded down, never up
            "79.999999, PARTIALLY_MET, 19999999/20000000, 9999",
            "80, MET, 1/1, 10000",                           // at the target
            "95, MET, 1/1, 10000"})                          // beyond: clamped at 100 %
    void atLeast(String actual, Assessment assessment, String achievement, int shown) {
        Kpi.Result result = BENCHMARK.assess(new BigDecimal(actual));
        assertThat(result).isEqualTo(new Kpi.Result(assessment, Ratio.parse(achievement)));
        assertThat(result.achievementBasisPoints()).isEqualTo(shown);
    }

    @ParameterizedTest(name = "at most: {0} → {1} {2} ({3} bp shown)")
    @CsvSource({
            "1200.000001, MISSED, 0/1, 0",
            "1200, PARTIALLY_MET, 0/1, 0",
            "1050, PARTIALLY_MET, 1/2, 5000",
            "1100, PARTIALLY_MET, 1/3, 3333",                // 100 / 300: exact, not 0.3333
            "900, MET, 1/1, 10000",
            "450, MET, 1/1, 10000"})
    void atMostIsMirrored(String actual, Assessment assessment, String achievement, int shown) {
        Kpi.Result result = ENERGY.assess(new BigDecimal(actual));
        assertThat(result).isEqualTo(new Kpi.Result(assessment, Ratio.parse(achievement)));
        assertThat(result.achievementBasisPoints()).isEqualTo(shown);
    }

    @Test
    void decimalsThatBinaryFloatingPointGetsWrongAreExact() {
        // 0.1 + 0.2 ≠ 0.3 in double; here the target 0.3 is reached exactly by 0.30
        Kpi share = new Kpi(Direction.AT_LEAST, new BigDecimal("0.3"), new BigDecimal("0.1"));
        assertThat(share.assess(new BigDecimal("0.30")).assessment()).isEqualTo(Assessment.MET);
        assertThat(share.assess(new BigDecimal("0.2")).achievementBasisPoints()).isEqualTo(5000);
    }

    @Test
    void aTrillionParametersIsExact() {
        Kpi parameters = new Kpi(Direction.AT_LEAST, new BigDecimal("1000000000000"), new BigDecimal("400000000000"));
        // (999,999,999,999 − 400,000,000,000) / 600,000,000,000 = 599,999,999,999 / 600,000,000,000
        assertThat(parameters.assess(new BigDecimal("999999999999"))).isEqualTo(
                new Kpi.Result(Assessment.PARTIALLY_MET, Ratio.parse("599999999999/600000000000")));
    }

    @ParameterizedTest(name = "{0} target {1} threshold {2} is refused")
    @CsvSource({"AT_LEAST, 80, 80", "AT_LEAST, 80, 90", "AT_MOST, 900, 900", "AT_MOST, 900, 800"})
    void thresholdMustBeOnTheRightSideOfTheTarget(Direction direction, String target, String threshold) {
        assertThatThrownBy(() -> new Kpi(direction, new BigDecimal(target), new BigDecimal(threshold)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("threshold"));
    }

    @Test
    void valuesBeyondTheStoredPrecisionAreRefused() {
        assertThatThrownBy(() -> BENCHMARK.assess(new BigDecimal("70.0000001")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("value"));
        assertThatThrownBy(() -> new Kpi(Direction.AT_LEAST, new BigDecimal("1e18"), BigDecimal.ZERO))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("target"));
        assertThat(Decimals.exact("value", new BigDecimal("1.500000"))).isEqualByComparingTo("1.5")
                .hasToString("1.5");
        assertThat(Decimals.exact("value", new BigDecimal("1E+3"))).hasToString("1000");
    }
}
