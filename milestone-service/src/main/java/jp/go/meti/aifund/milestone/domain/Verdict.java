package jp.go.meti.aifund.milestone.domain;

/** The independent verifier's verdict on a result: money may follow only a verified one, where verification is required. */
public enum Verdict {
    VERIFIED,
    NOT_VERIFIED
}
