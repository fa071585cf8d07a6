package jp.go.meti.aifund.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.InvalidRequestException;

class StatutoryInterestTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 6, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2027, 5, 31);

    @Test
    void aFullYearAtTenPointNineFivePercent() {
        // 2026-06-01 … 2027-05-31 is 365 days, both counted: ¥1,000,000 × 10.95 % = ¥109,500 exactly
        StatutoryInterest repaidOnDeadline = new StatutoryInterest(1_000_000, RECEIVED, DEADLINE, DEADLINE);
        assertThat(repaidOnDeadline.interestDays()).isEqualTo(365);
        assertThat(repaidOnDeadline.interest()).isEqualTo(109_500);
        assertThat(repaidOnDeadline.lateInterest()).isZero();
    }

    @Test
    void dayByDayRoundedDown() {
        // one day: 1,000,000 × 0.1095 / 365 = 300 exactly; ¥999,999 for one day: 299.99… → ¥299
        assertThat(new StatutoryInterest(1_000_000, RECEIVED, DEADLINE, RECEIVED).interest()).isEqualTo(300);
        assertThat(new StatutoryInterest(999_999, RECEIVED, DEADLINE, RECEIVED).interest()).isEqualTo(299);
    }

    @Test
    void lateInterestRunsFromTheDayAfterTheDeadline() {
        StatutoryInterest tenDaysLate = new StatutoryInterest(1_000_000, RECEIVED, DEADLINE, DEADLINE.plusDays(10));
        assertThat(tenDaysLate.lateDays()).isEqualTo(10);
        assertThat(tenDaysLate.lateInterest()).isEqualTo(3_000);
        assertThat(tenDaysLate.interest()).isEqualTo(112_500); // 375 days
    }

    @Test
    void aLeapYearStillCountsThreeHundredSixtyFiveDaysAYear() {
        // 2027-06-01 … 2028-05-31 holds 29 February: 366 days at 1/365 each
        StatutoryInterest leap = new StatutoryInterest(3_650_000, LocalDate.of(2027, 6, 1), LocalDate.of(2028, 5, 31),
                LocalDate.of(2028, 5, 31));
        assertThat(leap.interestDays()).isEqualTo(366);
        assertThat(leap.interest()).isEqualTo(400_770); // 3,650,000 × 0.1095 × 366 / 365
    }

    @Test
    void aTrillionYenForADecadeDoesNotOverflow() {
        // 2026-06-01 … 2036-06-01: 3,650 days + 3 leap days + 1 (both ends) = 3,654 days;
        // 10^12 × 1,095 × 3,654 / 3,650,000 = 1,096,200,000,000 exactly (the product alone exceeds a long)
        StatutoryInterest decade = new StatutoryInterest(1_000_000_000_000L, RECEIVED, DEADLINE, RECEIVED.plusYears(10));
        assertThat(decade.interestDays()).isEqualTo(3_654);
        assertThat(decade.interest()).isEqualTo(1_096_200_000_000L);
    }

    @Test
    void datesBeforeTheReceiptAreRefused() {
        assertThatThrownBy(() -> new StatutoryInterest(1, RECEIVED, RECEIVED.minusDays(1), RECEIVED))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new StatutoryInterest(1, RECEIVED, DEADLINE, RECEIVED.minusDays(1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new StatutoryInterest(0, RECEIVED, DEADLINE, DEADLINE))
                .isInstanceOf(InvalidRequestException.class);
    }
}
