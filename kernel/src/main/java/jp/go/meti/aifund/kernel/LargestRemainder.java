package jp.go.meti.aifund.kernel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Splits whole yen by weights so that the parts add up exactly: each part is its weight's share of
 * the total rounded down, and the yen left over go one each to the largest remainders (ties to the
 * larger weight, then to the earlier one). Weights need not add up to anything: shares in basis
 * points, or tranche amounts in yen. Exact in integers (BigInteger: yen × yen overflows a long).
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /** A consortium member's share, in basis points. */
    public record Share(UUID recipientId, String name, int basisPoints) {
    }

    public record Part(UUID recipientId, String name, int shareBasisPoints, long amount) {
    }

    /** Splits {@code total} across the members by their shares. */
    public static List<Part> split(long total, List<Share> shares) {
        long[] amounts = split(total, shares.stream().mapToLong(Share::basisPoints).toArray());
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            parts.add(new Part(s.recipientId(), s.name(), s.basisPoints(), amounts[i]));
        }
        return parts;
    }

    /** Splits {@code total} by {@code weights}; the result has one amount per weight, in order. */
    public static long[] split(long total, long[] weights) {
        if (total < 0) {
            throw new InvalidRequestException("total", new Text("kernel.negative"));
        }
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new InvalidRequestException("weights", new Text("kernel.negative"));
            }
            sum = sum.add(BigInteger.valueOf(w));
        }
        if (sum.signum() == 0) {
            throw new InvalidRequestException("shares", new Text("kernel.split-nothing", String.valueOf(total)));
        }
        long[] amounts = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long allotted = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            amounts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allotted += amounts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(i -> -weights[i]).thenComparing(i -> i));
        for (int k = 0; k < total - allotted; k++) {
            amounts[order.get(k)]++;
        }
        return amounts;
    }
}
