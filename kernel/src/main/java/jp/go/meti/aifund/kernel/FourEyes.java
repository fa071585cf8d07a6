package jp.go.meti.aifund.kernel;

/**
 * The four-eyes rule: whoever asked for a step can never be the one who approves it, whatever
 * roles they hold (administrators included). Each service calls this at its single choke point.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /** E.g. {@code requireDifferent("this tranche", "tanaka", "requested", actor, "approve")}. */
    public static void requireDifferent(String subject, String earlierActor, String earlierStep, String actor,
            String step) {
        if (earlierActor != null && earlierActor.equals(actor)) {
            throw new FourEyesViolationException(new Text("kernel.four-eyes", actor, earlierStep, subject, step));
        }
    }
}
