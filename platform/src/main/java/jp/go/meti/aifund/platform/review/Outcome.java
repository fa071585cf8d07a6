package jp.go.meti.aifund.platform.review;

/** The result of an annual review, as {@link ReviewScoring} decides it. */
public enum Outcome {
    PASSED,
    CONDITIONAL,
    FAILED
}
