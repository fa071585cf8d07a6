package jp.go.meti.aifund.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The goal warning read from a result milestone-service projected: raised off track only, worded from its figures. */
class GoalTrackingTest {

    private static GoalTracking.Result robots(String direction, String projected, Boolean onTrack) {
        return new GoalTracking.Result("ROBOTS", "Robots deployed", "robots", direction, 2027, "4000", "5000", projected,
                "10000000", null, LocalDate.of(2040, 3, 31), onTrack);
    }

    @Test
    void anOffTrackResultRaisesAWarningThatSaysWhereTheGoalIsHeaded() {
        // 4,000 of a planned 5,000 is 4/5 of plan: 4/5 × 10,000,000 = 8,000,000 by 2040-03-31
        PullbackPolicy.Finding finding = GoalTracking.onResult(robots("AT_LEAST", "8000000", false)).orElseThrow();

        assertThat(finding.kind()).isEqualTo(WarningKind.GOAL_OFF_TRACK);
        assertThat(finding.kind().severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.fiscalYear()).isEqualTo(2027);
        assertThat(finding.title().in(Locale.ENGLISH)).isEqualTo("Goal ROBOTS off track: FY2027 projects 8000000 robots by 2040-03-31");
        assertThat(finding.detail().in(Locale.ENGLISH)).isEqualTo("Robots deployed (AT_LEAST): FY2027's result 4000 robots against its "
                + "checkpoint target 5000 projects, at the same ratio to plan, 8000000 robots by 2040-03-31, below the "
                + "final threshold 10000000.");
        // the same warning in Japanese: 令和 fiscal years, dates as 2040年3月31日
        assertThat(finding.title().in(Locale.JAPANESE))
                .isEqualTo("目標 ROBOTS の達成が危ぶまれます：令和9年度の実績から2040年3月31日に8000000 robotsの見通し");
        assertThat(finding.detail().in(Locale.JAPANESE)).endsWith("最終基準 10000000 を下回ります。");
        assertThat(finding.reduction()).isNull();
        assertThat(GoalTracking.backOnTrack(robots("AT_LEAST", "8000000", false))).isFalse();
    }

    @Test
    void anAtMostGoalIsOffTrackAboveItsThreshold() {
        assertThat(GoalTracking.onResult(robots("AT_MOST", "12000000", false)).orElseThrow().detail().in(Locale.ENGLISH))
                .contains("above the final threshold 10000000");
    }

    @Test
    void onTrackOrNotProjectableRaisesNothingAndOnlyOnTrackResolves() {
        assertThat(GoalTracking.onResult(robots("AT_LEAST", "12000000", true))).isEmpty();
        assertThat(GoalTracking.backOnTrack(robots("AT_LEAST", "12000000", true))).isTrue();
        // a checkpoint target of 0 has no ratio to plan: neither a warning nor a resolution
        assertThat(GoalTracking.onResult(robots("AT_LEAST", null, null))).isEmpty();
        assertThat(GoalTracking.backOnTrack(robots("AT_LEAST", null, null))).isFalse();
    }
}
