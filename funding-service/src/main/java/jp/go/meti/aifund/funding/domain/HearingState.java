package jp.go.meti.aifund.funding.domain;

/**
 * A hearing before an adverse decision: {@code OPEN} from the notice, {@code ANSWERED} once the
 * recipient responded, {@code CONCLUDED} when the decision was confirmed (its response considered),
 * {@code WITHDRAWN} when the proposal was rejected or replaced.
 */
public enum HearingState {
    OPEN,
    ANSWERED,
    CONCLUDED,
    WITHDRAWN
}
