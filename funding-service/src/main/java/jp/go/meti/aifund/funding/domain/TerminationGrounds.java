package jp.go.meti.aifund.funding.domain;

/**
 * Why a programme is terminated, which decides what happens to the money already paid, as the
 * Subsidy Proper Execution Act (補助金適正化法) distinguishes the two.
 */
public enum TerminationGrounds {
    /**
     * The recipient breached the grant's conditions (art. 17, 交付決定の取消し): every paid yen not yet
     * returned is ordered back, with the statutory interest from the day it was received (art. 18, 19).
     */
    RECIPIENT_BREACH,
    /** Circumstances changed (art. 10, 事情変更): the work stops; money paid for work done stays with the recipient. */
    CHANGE_OF_CIRCUMSTANCES;

    public boolean requiresReturn() {
        return this == RECIPIENT_BREACH;
    }
}
