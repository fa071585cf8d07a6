package jp.go.meti.aifund.funding.domain;

/** What may be done to a tranche; each is said in the texts as {@code funding.noun.action.<ACTION>} ("approved"). */
public enum TrancheAction {
    APPROVE, DISBURSE, HOLD, RELEASE, REDUCE, CANCEL, RECOVER, REINSTATE
}
