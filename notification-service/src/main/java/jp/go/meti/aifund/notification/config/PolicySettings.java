package jp.go.meti.aifund.notification.config;

import java.time.MonthDay;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import jp.go.meti.aifund.notification.domain.PullbackPolicy;
import jp.go.meti.aifund.kernel.ReviewDeadline;

public class PolicySettings {

    @Produces
    @Singleton
    PullbackPolicy policy(NotificationConfig config) {
        return new PullbackPolicy(config.policy().ceilingNearBasisPoints(), config.policy().reminderLeadDays());
    }

    /** The same due day as milestone-service's (MM-DD in FY N+1). */
    @Produces
    @Singleton
    ReviewDeadline reviewDeadline(NotificationConfig config) {
        return new ReviewDeadline(MonthDay.parse("--" + config.reviewDueDay()));
    }
}
