package jp.go.meti.aifund.milestone.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.InvalidRequestException;

/** Evidence, units and as-of dates: what a result must carry before it is assessed. */
class RulesOfEvidenceTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final Evidence REPORT = new Evidence("https://nedo.example/reports/fy2026.pdf", "FY2026 report", DIGEST);

    private static String refusedField(Runnable rule) {
        try {
            rule.run();
        } catch (InvalidRequestException e) {
            return e.field();
        }
        throw new AssertionError("the rule accepted what it should refuse");
    }

    @Test
    void evidenceIsRequiredAndWellFormed() {
        assertThat(Evidence.requireValid(List.of(REPORT))).containsExactly(REPORT);
        assertThat(refusedField(() -> Evidence.requireValid(List.of()))).isEqualTo("evidence");
        assertThat(refusedField(() -> Evidence.requireValid(null))).isEqualTo("evidence");
        assertThat(refusedField(() -> Evidence.requireValid(List.of(REPORT,
                new Evidence("ftp://x.example/a", "t", DIGEST))))).isEqualTo("evidence[1].uri");
        assertThat(refusedField(() -> Evidence.requireValid(List.of(new Evidence("reports/a.pdf", "t", DIGEST)))))
                .isEqualTo("evidence[0].uri");
        assertThat(refusedField(() -> Evidence.requireValid(List.of(new Evidence(REPORT.uri(), " ", DIGEST)))))
                .isEqualTo("evidence[0].title");
        assertThat(refusedField(() -> Evidence.requireValid(List.of(new Evidence(REPORT.uri(), "t", "md5:abc")))))
                .isEqualTo("evidence[0].digest");
        assertThat(refusedField(() -> Evidence.requireValid(List.of(new Evidence(REPORT.uri(), "t",
                DIGEST.toUpperCase())))))
                .isEqualTo("evidence[0].digest");
    }

    @Test
    void theUnitIsTheMilestonesExactly() {
        Measurement.requireUnit("points", "points");
        assertThat(refusedField(() -> Measurement.requireUnit("points", "%"))).isEqualTo("unit");
        assertThat(refusedField(() -> Measurement.requireUnit("MWh", "mwh"))).isEqualTo("unit");
    }

    @Test
    void aMeasurementIsFromThePastAndFromItsFiscalYearOn() {
        LocalDate today = LocalDate.of(2027, 5, 10);
        Measurement.requireAsOf(today, 2026, today);
        Measurement.requireAsOf(LocalDate.of(2026, 4, 1), 2026, today);
        assertThat(refusedField(() -> Measurement.requireAsOf(today.plusDays(1), 2026, today))).isEqualTo("asOf");
        assertThat(refusedField(() -> Measurement.requireAsOf(LocalDate.of(2026, 3, 31), 2026, today))).isEqualTo("asOf");
        assertThat(refusedField(() -> Measurement.requireAsOf(null, 2026, today))).isEqualTo("asOf");
    }
}
