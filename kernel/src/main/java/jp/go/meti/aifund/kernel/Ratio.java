package jp.go.meti.aifund.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An exact non-negative fraction in lowest terms: achievements and scores are kept this way so that
 * no rounding decides an outcome. Rounding happens once, where a figure becomes yen or a displayed
 * basis point, and always down. Written as {@code "numerator/denominator"} (e.g. {@code "15999/20000"};
 * {@code "1/1"} for one), which every consumer can read back exactly.
 */
public final class Ratio implements Comparable<Ratio> {

    public static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);
    public static final Ratio ONE = new Ratio(BigInteger.ONE, BigInteger.ONE);
    private static final Pattern WRITTEN = Pattern.compile("(0|[1-9][0-9]*)/([1-9][0-9]*)");
    private static final BigInteger BASIS = BigInteger.valueOf(10_000);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Ratio(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** {@code numerator / denominator}, reduced; both non-negative, the denominator positive. */
    public static Ratio of(BigInteger numerator, BigInteger denominator) {
        if (numerator.signum() < 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("a ratio here is non-negative: " + numerator + "/" + denominator);
        }
        BigInteger gcd = numerator.gcd(denominator);
        return gcd.signum() == 0 ? ZERO : new Ratio(numerator.divide(gcd), denominator.divide(gcd));
    }

    /** The exact quotient of two decimals ({@code divisor} positive). */
    public static Ratio of(BigDecimal dividend, BigDecimal divisor) {
        int scale = Math.max(Math.max(dividend.scale(), divisor.scale()), 0);
        return of(dividend.setScale(scale).unscaledValue(), divisor.setScale(scale).unscaledValue());
    }

    public static Ratio basisPoints(long basisPoints) {
        return of(BigInteger.valueOf(basisPoints), BASIS);
    }

    /** Reads the written form back; {@link IllegalArgumentException} if it is not one. */
    public static Ratio parse(String written) {
        var m = WRITTEN.matcher(written);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a ratio written as numerator/denominator: " + written);
        }
        return of(new BigInteger(m.group(1)), new BigInteger(m.group(2)));
    }

    public Ratio plus(Ratio other) {
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Ratio times(Ratio other) {
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** {@code 1 − this}, for a ratio of at most one. */
    public Ratio complement() {
        return of(denominator.subtract(numerator), denominator);
    }

    /** ⌊amount × this⌋: the one place a ratio becomes whole yen, rounded down. */
    public long floorOf(long amount) {
        return BigInteger.valueOf(amount).multiply(numerator).divide(denominator).longValueExact();
    }

    /** ⌊this × 10,000⌋, the rounded figure shown beside the exact one. */
    public int floorBasisPoints() {
        return numerator.multiply(BASIS).divide(denominator).intValueExact();
    }

    public boolean isBelow(Ratio other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Ratio other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ratio r && numerator.equals(r.numerator) && denominator.equals(r.denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
