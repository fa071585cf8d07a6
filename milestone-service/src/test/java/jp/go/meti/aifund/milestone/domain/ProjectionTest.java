package jp.go.meti.aifund.milestone.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.scoring.Direction;

/** The projection of a goal from one year's result, with figures worked by hand in the comments. */
class ProjectionTest {

    private static final BigDecimal TRILLION = new BigDecimal("1000000000000");

    private static Projection atLeast(String finalTarget, String finalThreshold, String checkpoint, String actual) {
        return Projection.of(Direction.AT_LEAST, new BigDecimal(finalTarget), new BigDecimal(finalThreshold),
                new BigDecimal(checkpoint), new BigDecimal(actual));
    }

    private static Projection atMost(String finalTarget, String finalThreshold, String checkpoint, String actual) {
        return Projection.of(Direction.AT_MOST, new BigDecimal(finalTarget), new BigDecimal(finalThreshold),
                new BigDecimal(checkpoint), new BigDecimal(actual));
    }

    @Test
    void aModelBehindItsPlanProjectsShortOfATrillion() {
        // 240e9 trained against a FY2027 plan of 300e9 is 4/5 of plan; 4/5 × 1e12 = 800e9 < 1e12
        Projection p = Projection.of(Direction.AT_LEAST, TRILLION, TRILLION, new BigDecimal("300000000000"),
                new BigDecimal("240000000000"));

        assertThat(p.projectedFinal()).isEqualByComparingTo("800000000000");
        assertThat(p.onTrack()).isFalse();
    }

    @Test
    void aModelAheadOfItsPlanProjectsPastATrillion() {
        // 520e9 against a plan of 500e9 is 26/25 of plan; 26/25 × 1e12 = 1.04e12 ≥ 1e12
        Projection p = Projection.of(Direction.AT_LEAST, TRILLION, TRILLION, new BigDecimal("500000000000"),
                new BigDecimal("520000000000"));

        assertThat(p.projectedFinal()).isEqualByComparingTo("1040000000000");
        assertThat(p.onTrack()).isTrue();
    }

    @Test
    void reachingTheFinalThresholdExactlyIsOnTrack() {
        // robots: 27,000 against a plan of 30,000 is 9/10; 9/10 × 10,000,000 = 9,000,000 = the threshold
        assertThat(atLeast("10000000", "9000000", "30000", "27000"))
                .isEqualTo(new Projection(new BigDecimal("9000000"), true));
        // one robot fewer: 26,999 × 10,000,000 ÷ 30,000 = 8,999,666.666…, down to 8999666.666666
        assertThat(atLeast("10000000", "9000000", "30000", "26999"))
                .isEqualTo(new Projection(new BigDecimal("8999666.666666"), false));
    }

    @Test
    void anAtMostGoalScalesTheSameWayAndIsOnTrackAtOrBelowItsThreshold() {
        // energy: 240 MWh against a plan of 200 is 6/5 of plan; 6/5 × 100 = 120 > 110: off track
        assertThat(atMost("100", "110", "200", "240")).isEqualTo(new Projection(new BigDecimal("120"), false));
        // 220 against 200 is 11/10; 11/10 × 100 = 110 = the threshold: on track
        assertThat(atMost("100", "110", "200", "220")).isEqualTo(new Projection(new BigDecimal("110"), true));
        // 180 against 200 is 9/10; 9/10 × 100 = 90: on track, better than the target
        assertThat(atMost("100", "110", "200", "180")).isEqualTo(new Projection(new BigDecimal("90"), true));
    }

    @Test
    void theShownFigureIsRoundedAgainstTheGoalSoItGivesTheSameVerdict() {
        // 3,300,000.003 × 100 ÷ 3,000,000 = 110.0000001, just over 110: off track; rounded down it would
        // read 110 (on track), so AT_MOST rounds up, to 110.000001
        assertThat(atMost("100", "110", "3000000", "3300000.003"))
                .isEqualTo(new Projection(new BigDecimal("110.000001"), false));
        // 2,999,999.997 × 100 ÷ 3,000,000 = 99.9999999, just under 100: off track for AT_LEAST; rounded up it
        // would read 100, so AT_LEAST rounds down, to 99.999999
        assertThat(atLeast("100", "100", "3000000", "2999999.997"))
                .isEqualTo(new Projection(new BigDecimal("99.999999"), false));
    }

    @Test
    void aCheckpointTargetOfZeroHasNoRatioToPlan() {
        assertThat(atLeast("10000000", "10000000", "0", "500")).isEqualTo(Projection.NONE);
        assertThat(atMost("100", "110", "0", "0")).isEqualTo(Projection.NONE);
        assertThat(Projection.NONE.projectedFinal()).isNull();
        assertThat(Projection.NONE.onTrack()).isNull();
    }

    @Test
    void anActualOfZeroProjectsZero() {
        // 0 × anything = 0: short of any positive AT_LEAST threshold, within any AT_MOST one
        assertThat(atLeast("100", "90", "50", "0")).isEqualTo(new Projection(BigDecimal.ZERO, false));
        assertThat(atMost("100", "110", "50", "0")).isEqualTo(new Projection(BigDecimal.ZERO, true));
    }
}
