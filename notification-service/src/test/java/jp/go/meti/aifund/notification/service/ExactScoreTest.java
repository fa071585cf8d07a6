package jp.go.meti.aifund.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.go.meti.aifund.kernel.Ratio;

/** The policy reads the score a review was decided on, from events of either scoring rule. */
class ExactScoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExactScoreOfTheEventIsReadAsItIs() {
        ObjectNode data = JSON.createObjectNode().put("scoreBasisPoints", 2666).put("score", "4/15");
        assertThat(ReviewHandler.exactScore(data)).isEqualTo(Ratio.parse("4/15"));
    }

    @Test
    void anEventOfTheFirstRuleWasDecidedOnItsBasisPoints() {
        ObjectNode data = JSON.createObjectNode().put("scoreBasisPoints", 3870);
        assertThat(ReviewHandler.exactScore(data)).isEqualTo(Ratio.parse("387/1000"));
    }
}
