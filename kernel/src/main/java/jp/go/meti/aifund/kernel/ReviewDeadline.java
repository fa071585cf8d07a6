package jp.go.meti.aifund.kernel;

import java.time.LocalDate;
import java.time.MonthDay;

/** The review of FY N is due on a fixed day of FY N+1 (by default 30 June, configurable). */
public record ReviewDeadline(MonthDay dueDay) {

    public LocalDate dueDate(int fiscalYear) {
        // FY N+1 starts on 1 April N+1: a due day from April to December falls in calendar year N+1,
        // one from January to March in N+2.
        int year = dueDay.getMonthValue() >= 4 ? fiscalYear + 1 : fiscalYear + 2;
        return dueDay.atYear(year);
    }

    public boolean isOverdue(int fiscalYear, LocalDate today) {
        return today.isAfter(dueDate(fiscalYear));
    }
}
