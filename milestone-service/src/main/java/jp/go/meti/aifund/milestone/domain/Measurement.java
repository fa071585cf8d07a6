package jp.go.meti.aifund.milestone.domain;

import java.time.LocalDate;

import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

/** The rules a measured value obeys before it is assessed. */
public final class Measurement {

    private Measurement() {
    }

    /** The unit of a result is the milestone's, exactly: 72.5 "points" is not 72.5 "%". */
    public static void requireUnit(String expected, String given) {
        if (!expected.equals(given)) {
            throw new InvalidRequestException("unit", new Text("milestone.measurement.unit", expected));
        }
    }

    /**
     * A value is measured on a day that has happened (Japan's calendar), and not before its
     * fiscal year began: a measurement from FY2025 cannot evidence FY2026's target.
     */
    public static void requireAsOf(LocalDate asOf, int fiscalYear, LocalDate today) {
        if (asOf == null) {
            throw new InvalidRequestException("asOf", new Text("kernel.required"));
        }
        if (asOf.isAfter(today)) {
            throw new InvalidRequestException("asOf", new Text("milestone.measurement.future", today));
        }
        if (asOf.isBefore(FiscalYear.firstDay(fiscalYear))) {
            throw new InvalidRequestException("asOf", new Text("milestone.measurement.before-year",
                    Text.fiscalYear(fiscalYear), FiscalYear.firstDay(fiscalYear)));
        }
    }
}
