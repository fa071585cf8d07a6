package jp.go.meti.aifund.funding.domain;

/** Whole-yen amounts are {@code long}s; these are the checks every amount goes through. */
public final class Money {

    /** ¥1 trillion: the programme ceiling from public reporting, and the largest ceiling accepted. */
    public static final long MAX_CEILING = 1_000_000_000_000L * 10;

    private Money() {
    }

    public static long requirePositive(long amount, String field) {
        if (amount <= 0) {
            throw new InvalidRequestException(field, "must be a positive whole number of yen");
        }
        return amount;
    }
}
