package jp.go.meti.aifund.funding.domain;

/**
 * The four-eyes rule: whoever asked for a step can never be the one who approves it, whatever
 * roles they hold (administrators included). The service calls this at its single choke point.
 */
public final class FourEyes {

    private FourEyes() {
    }

    public static void requireDifferent(String earlierActor, String earlierStep, String actor, String step) {
        if (earlierActor != null && earlierActor.equals(actor)) {
            throw new FourEyesViolationException(
                    actor + " " + earlierStep + " this tranche and so cannot " + step + " it: another person must");
        }
    }
}
