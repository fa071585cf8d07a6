package jp.go.meti.aifund.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @ParameterizedTest(name = "{0} belongs to FY{1}")
    @CsvSource({
            "2026-03-31, 2025", "2026-04-01, 2026", "2026-12-31, 2026", "2027-01-01, 2026",
            "2027-01-15, 2026", "2027-03-31, 2026", "2027-04-01, 2027", "2030-02-28, 2029", "2028-02-29, 2027"})
    void aDateBelongsToTheFiscalYearThatStartedOnThePrecedingFirstOfApril(LocalDate date, int fiscalYear) {
        assertThat(FiscalYear.of(date)).isEqualTo(fiscalYear);
    }

    @Test
    void fy2026RunsFromTheFirstOfApril2026ToTheThirtyFirstOfMarch2027() {
        assertThat(FiscalYear.firstDay(2026)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(FiscalYear.lastDay(2026)).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(FiscalYear.of(FiscalYear.lastDay(2026).plusDays(1))).isEqualTo(2027);
    }
}
