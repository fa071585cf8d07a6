package jp.go.meti.aifund.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.contracts.review.ReviewData;
import jp.go.meti.aifund.kernel.Ratio;

/** The policy reads the score a review was decided on, from events of either scoring rule. */
class ExactScoreTest {

    @Test
    void theExactScoreOfTheEventIsReadAsItIs() {
        ReviewData data = new ReviewData().withScoreBasisPoints(2666L).withScore("4/15");
        assertThat(ReviewHandler.exactScore(data)).isEqualTo(Ratio.parse("4/15"));
    }

    @Test
    void anEventOfTheFirstRuleWasDecidedOnItsBasisPoints() {
        ReviewData data = new ReviewData().withScoreBasisPoints(3870L);
        assertThat(ReviewHandler.exactScore(data)).isEqualTo(Ratio.parse("387/1000"));
    }
}
