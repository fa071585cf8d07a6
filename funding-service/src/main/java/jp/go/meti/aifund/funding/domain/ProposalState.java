package jp.go.meti.aifund.funding.domain;

/** A four-eyes proposal (a share table, a budget decision): one official proposes, another confirms or rejects it; only a confirmed one ever acts. */
public enum ProposalState {
    PROPOSED, CONFIRMED, REJECTED
}
