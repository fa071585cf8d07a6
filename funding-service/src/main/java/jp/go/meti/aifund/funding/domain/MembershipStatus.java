package jp.go.meti.aifund.funding.domain;

/**
 * A member's standing on a date, read from the share table in force then: PROSPECTIVE (recorded,
 * in no table yet), MEMBER (in the table in force, 0 % included: an investor that receives no
 * funds), LEFT (in an earlier table, not in the one in force).
 */
public enum MembershipStatus {
    PROSPECTIVE, MEMBER, LEFT
}
