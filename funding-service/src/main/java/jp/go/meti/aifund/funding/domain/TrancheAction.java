package jp.go.meti.aifund.funding.domain;

public enum TrancheAction {
    APPROVE("approved"), DISBURSE("disbursed"), HOLD("held"), RELEASE("released from hold"),
    REDUCE("reduced"), CANCEL("cancelled"), RECOVER("recovered"), REINSTATE("reinstated");

    private final String pastTense;

    TrancheAction(String pastTense) {
        this.pastTense = pastTense;
    }

    public String pastTense() {
        return pastTense;
    }
}
