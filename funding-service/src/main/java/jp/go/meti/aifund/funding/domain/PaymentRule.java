package jp.go.meti.aifund.funding.domain;

/**
 * How a result-linked tranche earns its allocation from the result of the milestone it names (as in
 * the World Bank's Program-for-Results): the part earned becomes approvable, the rest rolls over or lapses.
 */
public enum PaymentRule {
    /** The whole allocation if the milestone is MET, nothing otherwise. */
    ALL_OR_NOTHING,
    /** ⌊allocation × achievement⌋, the achievement as the review computed it, capped at 100 %. */
    SCALABLE;

    public long earned(long allocation, MilestoneResult result) {
        return switch (this) {
            case ALL_OR_NOTHING -> result.met() ? allocation : 0;
            case SCALABLE -> result.cappedAchievement().floorOf(allocation);
        };
    }
}
