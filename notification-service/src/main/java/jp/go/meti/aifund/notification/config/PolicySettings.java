package jp.go.meti.aifund.notification.config;

import java.time.MonthDay;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import jp.go.meti.aifund.notification.domain.PullbackPolicy;

public class PolicySettings {

    @Produces
    @Singleton
    PullbackPolicy policy(NotificationConfig config) {
        return new PullbackPolicy(config.policy().ceilingNearBasisPoints(), config.policy().reminderLeadDays());
    }

    @Produces
    @Singleton
    MonthDay reviewDueDay(NotificationConfig config) {
        return MonthDay.parse("--" + config.reviewDueDay());
    }
}
