package jp.go.meti.aifund.funding.domain;

/** The changes of a programme that publish its state: each is one event type, {@code jp.go.meti.aifund.programme.<change>.v1}. */
public enum ProgrammeChange {
    PROGRAMME_CREATED("created"), ENVELOPE_SET("envelope-set"), GATE_OVERRIDDEN("gate-overridden"),
    RECIPIENT_ADDED("recipient-added"), SHARE_TABLE_PROPOSED("share-table-proposed"),
    SHARE_TABLE_CONFIRMED("share-table-confirmed"), SHARE_TABLE_REJECTED("share-table-rejected"),
    BUDGET_DECISION_PROPOSED("budget-decision-proposed"), BUDGET_DECISION_CONFIRMED("budget-decision-confirmed"),
    BUDGET_DECISION_REJECTED("budget-decision-rejected"), YEAR_CLOSED("year-closed"),
    PROGRAMME_CLOSED("closed"), PROGRAMME_TERMINATED("terminated"), HEARING_OPENED("hearing-opened"),
    HEARING_ANSWERED("hearing-answered"), HEARING_CLOSED("hearing-closed"), OBJECTION_FILED("objection-filed"),
    OBJECTION_RULED("objection-ruled");

    private final String eventName;

    ProgrammeChange(String eventName) {
        this.eventName = eventName;
    }

    /** The change's part of the event type: {@code envelope-set}. */
    public String eventName() {
        return eventName;
    }
}
