package jp.go.meti.aifund.scoring;

/** The result of an annual review, as {@link ReviewScoring} decides it. */
public enum Outcome {
    PASSED,
    CONDITIONAL,
    FAILED
}
