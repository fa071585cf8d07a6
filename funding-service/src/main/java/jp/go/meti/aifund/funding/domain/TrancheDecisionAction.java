package jp.go.meti.aifund.funding.domain;

/**
 * An adverse decision on one tranche that the recipient is heard on before it is made: lowering or
 * cancelling a tranche already approved (交付決定の変更・取消), or ordering disbursed money back (返還命令).
 */
public enum TrancheDecisionAction {
    REDUCE, CANCEL, ORDER_RETURN
}
