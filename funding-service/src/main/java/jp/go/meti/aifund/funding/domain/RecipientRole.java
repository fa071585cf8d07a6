package jp.go.meti.aifund.funding.domain;

/** The consortium receives the tranches; members hold shares of it; partners contribute without a share. */
public enum RecipientRole {
    CONSORTIUM, MEMBER, RESEARCH_PARTNER
}
