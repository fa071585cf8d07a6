package jp.go.meti.aifund.funding.domain;

/** An objection to a confirmed decision: {@code FILED} until another official rules it {@code UPHELD} or {@code DISMISSED}. */
public enum ObjectionState {
    FILED,
    UPHELD,
    DISMISSED
}
