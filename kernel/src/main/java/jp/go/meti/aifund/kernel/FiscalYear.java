package jp.go.meti.aifund.kernel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;

/**
 * Japan's fiscal year runs 1 April to 31 March and is named after the year it starts in:
 * FY2026 is 2026-04-01 … 2027-03-31, so 2027-01-15 belongs to FY2026.
 */
public final class FiscalYear {

    /** Days (fiscal years, due dates, "today") are Japan's; instants are stored in UTC. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private FiscalYear() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(JAPAN));
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
