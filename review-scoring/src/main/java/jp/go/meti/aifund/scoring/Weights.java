package jp.go.meti.aifund.scoring;

import java.util.List;

import jp.go.meti.aifund.kernel.ConflictException;

/** The weights of a fiscal year's milestones, in basis points, must add up to exactly 100 %. */
public final class Weights {

    /** 100 % in basis points. */
    public static final int FULL = 10_000;

    private Weights() {
    }

    public static void requireComplete(List<Integer> weights) {
        long total = total(weights);
        if (weights.isEmpty() || total != FULL) {
            throw ConflictException.of("scoring.weights.incomplete", percent(total));
        }
    }

    public static long total(List<Integer> weights) {
        return weights.stream().mapToLong(Integer::longValue).sum();
    }

    /** 9,950 bp → "99.50 %". */
    public static String percent(long basisPoints) {
        return String.format("%d.%02d %%", basisPoints / 100, basisPoints % 100);
    }
}
