package jp.go.meti.aifund.funding.domain;

import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

/** Whole-yen amounts are {@code long}s; these are the checks every amount goes through. */
public final class Money {

    /**
     * ¥10 trillion, ten times the programme's ceiling: the largest amount any request may carry, so
     * that no sum of a programme's amounts can come near {@code Long.MAX_VALUE}.
     */
    public static final long MAX_CEILING = 1_000_000_000_000L * 10;

    private Money() {
    }

    public static long requirePositive(long amount, String field) {
        if (amount <= 0) {
            throw new InvalidRequestException(field, new Text("funding.money.positive"));
        }
        return amount;
    }
}
