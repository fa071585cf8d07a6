package jp.go.meti.aifund.funding.domain;

/** A return order is open until the repayment is recorded, or an upheld objection annuls it. */
public enum ReturnOrderState {
    OPEN, SETTLED, ANNULLED
}
