package jp.go.meti.aifund.funding.domain;

import java.time.LocalDate;
import java.time.Month;

/**
 * Japan's fiscal year runs 1 April to 31 March and is named after the year it starts in:
 * FY2026 is 2026-04-01 … 2027-03-31, so 2027-01-15 belongs to FY2026.
 */
public final class FiscalYear {

    private FiscalYear() {
    }

    public static int of(LocalDate date) {
        return date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1;
    }

    public static LocalDate firstDay(int fiscalYear) {
        return LocalDate.of(fiscalYear, Month.APRIL, 1);
    }

    public static LocalDate lastDay(int fiscalYear) {
        return LocalDate.of(fiscalYear + 1, Month.MARCH, 31);
    }
}
