package jp.go.meti.aifund.scoring;

/** How a measured value stands against its milestone; computed, never typed in. */
public enum Assessment {
    /** The target is reached (or beaten). */
    MET,
    /** At or beyond the minimum acceptable threshold, short of the target. */
    PARTIALLY_MET,
    /** Short of the minimum acceptable threshold. */
    MISSED
}
