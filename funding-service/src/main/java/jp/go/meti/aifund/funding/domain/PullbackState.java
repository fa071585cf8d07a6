package jp.go.meti.aifund.funding.domain;

/** A pullback recommendation holds tranches until one official proposes a decision and another confirms it. */
public enum PullbackState {
    HOLDING, PROPOSED, DECIDED
}
