package jp.go.meti.aifund.funding.domain;

/** A return order is open until the repayment is recorded. */
public enum ReturnOrderState {
    OPEN, SETTLED
}
