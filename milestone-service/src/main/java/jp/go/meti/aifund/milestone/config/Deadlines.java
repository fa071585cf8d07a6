package jp.go.meti.aifund.milestone.config;

import java.time.MonthDay;
import java.time.format.DateTimeParseException;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import jp.go.meti.aifund.kernel.ReviewDeadline;

public class Deadlines {

    /** The configured due day, read once at start: a malformed value stops the service there. */
    @Produces
    @Singleton
    ReviewDeadline reviewDeadline(MilestoneConfig config) {
        try {
            return new ReviewDeadline(MonthDay.parse("--" + config.reviewDueDay()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("aifund.milestone.review-due-day must be MM-DD, not "
                    + config.reviewDueDay(), e);
        }
    }
}
