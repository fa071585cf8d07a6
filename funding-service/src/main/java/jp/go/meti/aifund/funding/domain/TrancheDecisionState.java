package jp.go.meti.aifund.funding.domain;

/**
 * A decision on one tranche: proposed by one official, confirmed or rejected by another; withdrawn
 * when the programme ends before either (nothing can be decided on an ended programme).
 */
public enum TrancheDecisionState {
    PROPOSED, CONFIRMED, REJECTED, WITHDRAWN
}
