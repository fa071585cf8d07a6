package jp.go.meti.aifund.milestone.domain;

/**
 * What people do to a review; {@link ReviewState#after} says when each is allowed. Each is said in the
 * texts as {@code milestone.noun.action.<ACTION>} ("submitted").
 */
public enum ReviewAction {
    RECORD_RESULT, VERIFY, SUBMIT, RETURN, FINALIZE, AMEND
}
