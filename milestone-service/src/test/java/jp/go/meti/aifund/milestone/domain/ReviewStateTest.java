package jp.go.meti.aifund.milestone.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.ConflictException;

class ReviewStateTest {

    /** The whole legal transition table; everything else is refused. */
    private static final Map<ReviewState, Map<ReviewAction, ReviewState>> LEGAL = Map.of(
            ReviewState.DRAFT, Map.of(ReviewAction.RECORD_RESULT, ReviewState.DRAFT,
                    ReviewAction.SUBMIT, ReviewState.SUBMITTED),
            ReviewState.SUBMITTED, Map.of(ReviewAction.VERIFY, ReviewState.SUBMITTED,
                    ReviewAction.RETURN, ReviewState.DRAFT, ReviewAction.FINALIZE, ReviewState.FINALIZED),
            ReviewState.FINALIZED, Map.of(ReviewAction.AMEND, ReviewState.FINALIZED));

    @Test
    void everyStateAndActionFollowsTheTable() {
        int refused = 0;
        for (ReviewState state : ReviewState.values()) {
            for (ReviewAction action : ReviewAction.values()) {
                ReviewState expected = LEGAL.get(state).get(action);
                if (expected != null) {
                    assertThat(state.after(action)).as("%s after %s", state, action).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> state.after(action)).as("%s after %s", state, action)
                            .isInstanceOf(ConflictException.class);
                    refused++;
                }
            }
        }
        assertThat(refused).isEqualTo(ReviewState.values().length * ReviewAction.values().length - 6);
    }

    @Test
    void aRefusalIsSaidInJapaneseToo() {
        assertThatThrownBy(() -> ReviewState.SUBMITTED.after(ReviewAction.SUBMIT))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("a SUBMITTED review cannot be submitted");
                    assertThat(e.message(Locale.JAPANESE)).isEqualTo("提出済みの年次評価は提出できません");
                });
        assertThatThrownBy(() -> ReviewState.FINALIZED.after(ReviewAction.RETURN))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.message(Locale.JAPANESE))
                        .isEqualTo("確定済みの年次評価は差戻しできません。確定した評価は変更できないため、訂正してください"));
    }

    @Test
    void aFinalizedReviewSaysToAmendIt() {
        Set<ReviewAction> changes = EnumSet.of(ReviewAction.RECORD_RESULT, ReviewAction.VERIFY, ReviewAction.SUBMIT,
                ReviewAction.FINALIZE);
        for (ReviewAction action : changes) {
            assertThatThrownBy(() -> ReviewState.FINALIZED.after(action)).hasMessageContaining("amend it instead");
        }
    }
}
