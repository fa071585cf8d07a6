package jp.go.meti.aifund.notification.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jp.go.meti.aifund.platform.domain.InvalidRequestException;

/**
 * Splits whole yen by shares so that the parts add up exactly: each part is its share of the total
 * rounded down, and the yen left over go one each to the largest remainders (ties to the larger
 * share, then to the earlier member). Shares need not add up to 100 %: they are weights.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    public record Share(UUID recipientId, String name, int basisPoints) {
    }

    public record Part(UUID recipientId, String name, int shareBasisPoints, long amount) {
    }

    public static List<Part> split(long total, List<Share> shares) {
        if (total < 0) {
            throw new InvalidRequestException("total", "must not be negative");
        }
        long weights = shares.stream().mapToLong(Share::basisPoints).sum();
        if (shares.isEmpty() || weights <= 0) {
            throw new InvalidRequestException("shares", "at least one positive share is needed to split ¥" + total);
        }
        List<long[]> floors = new ArrayList<>(); // {index, floor, remainder}
        long allotted = 0;
        for (int i = 0; i < shares.size(); i++) {
            // total ≤ 10^13 and a share ≤ 10^4: the product fits a long
            long numerator = total * shares.get(i).basisPoints();
            floors.add(new long[] {i, numerator / weights, numerator % weights});
            allotted += numerator / weights;
        }
        List<long[]> byRemainder = new ArrayList<>(floors);
        byRemainder.sort(Comparator.<long[]>comparingLong(f -> -f[2])
                .thenComparingLong(f -> -shares.get((int) f[0]).basisPoints()).thenComparingLong(f -> f[0]));
        for (int i = 0; i < total - allotted; i++) {
            byRemainder.get(i)[1]++;
        }
        List<Part> parts = new ArrayList<>();
        for (long[] f : floors) {
            Share s = shares.get((int) f[0]);
            parts.add(new Part(s.recipientId(), s.name(), s.basisPoints(), f[1]));
        }
        return parts;
    }
}
