package jp.go.meti.aifund.funding.domain;

/** One official proposes a share table, another confirms it (or rejects it); only a confirmed table is ever in force. */
public enum ShareTableState {
    PROPOSED, CONFIRMED, REJECTED
}
