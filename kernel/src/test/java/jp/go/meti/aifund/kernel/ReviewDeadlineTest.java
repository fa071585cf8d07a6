package jp.go.meti.aifund.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

class ReviewDeadlineTest {

    @Test
    void theReviewOfFyNIsDueInFyNPlusOne() {
        ReviewDeadline june30 = new ReviewDeadline(MonthDay.of(6, 30));
        assertThat(june30.dueDate(2026)).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(june30.isOverdue(2026, LocalDate.of(2027, 6, 30))).isFalse();
        assertThat(june30.isOverdue(2026, LocalDate.of(2027, 7, 1))).isTrue();
        // a due day in January–March still falls in FY N+1, i.e. the calendar year after next
        assertThat(new ReviewDeadline(MonthDay.of(2, 15)).dueDate(2026)).isEqualTo(LocalDate.of(2028, 2, 15));
    }
}
