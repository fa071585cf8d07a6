package jp.go.meti.aifund.milestone.domain;

/** A recipient's draft of a result: {@code PENDING} until NEDO accepts it (it becomes the result) or returns it with a reason. */
public enum DraftState {
    PENDING,
    ACCEPTED,
    RETURNED
}
