package jp.go.meti.aifund.funding.domain;

import java.util.UUID;

import jp.go.meti.aifund.kernel.Ratio;

/**
 * What a finalized (or amended) review says of one milestone, as far as money follows it: its code,
 * the goal whose checkpoint it implements (null if none), whether it was MET and its exact
 * achievement. A review without the milestone a tranche waits for is {@link #NONE}: nothing achieved.
 */
public record MilestoneResult(String code, UUID goalId, boolean met, Ratio achievement) {

    public static final MilestoneResult NONE = new MilestoneResult(null, null, false, Ratio.ZERO);

    public Ratio cappedAchievement() {
        return achievement.compareTo(Ratio.ONE) > 0 ? Ratio.ONE : achievement;
    }

    /** How the ledger writes it. */
    public String describe() {
        return code == null ? "no milestone for it in the review (nothing achieved)"
                : code + " " + (met ? "MET" : "not met") + ", achievement " + achievement;
    }
}
