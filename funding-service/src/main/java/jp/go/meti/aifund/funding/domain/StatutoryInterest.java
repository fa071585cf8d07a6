package jp.go.meti.aifund.funding.domain;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

/**
 * Interest on a return order under Japan's Subsidy Proper Execution Act (補助金適正化法), art. 19:
 * <ul>
 * <li><b>interest</b> (加算金) at 10.95 % a year on the amount returned, for the days from the day the
 * money was received to the day it is repaid, <b>both counted</b>;</li>
 * <li><b>late interest</b> (延滞金) at 10.95 % a year on the amount, for the days from the day after
 * the deadline to the day it is repaid, when it is repaid after the deadline.</li>
 * </ul>
 * The year is 365 days, leap years included (as the Act prescribes); each amount is computed in
 * exact integer arithmetic and rounded <b>down</b> to the whole yen. The interest from receipt is
 * owed only on a return ordered on a cancellation (art. 17, 19(1)); an excess returned after the
 * final amount is fixed (額の確定, art. 18(2)) owes late interest only ({@code fromReceipt} false).
 */
public record StatutoryInterest(long principal, LocalDate receivedOn, LocalDate deadline, LocalDate repaidOn,
        boolean fromReceipt) {

    /** A return ordered on a cancellation: interest from receipt, and late interest. */
    public StatutoryInterest(long principal, LocalDate receivedOn, LocalDate deadline, LocalDate repaidOn) {
        this(principal, receivedOn, deadline, repaidOn, true);
    }

    /** 10.95 % a year, in basis points. */
    public static final int RATE_BASIS_POINTS = 1_095;
    public static final int DAYS_PER_YEAR = 365;

    public StatutoryInterest {
        if (principal <= 0) {
            throw new InvalidRequestException("amount", new Text("funding.interest.positive"));
        }
        if (deadline.isBefore(receivedOn)) {
            throw new InvalidRequestException("deadline", new Text("funding.interest.before-receipt", receivedOn));
        }
        if (repaidOn.isBefore(receivedOn)) {
            throw new InvalidRequestException("repaidOn", new Text("funding.interest.before-receipt", receivedOn));
        }
    }

    /** Days from receipt to repayment, both counted. */
    public long interestDays() {
        return ChronoUnit.DAYS.between(receivedOn, repaidOn) + 1;
    }

    /** Days from the day after the deadline to repayment, both counted; 0 when repaid in time. */
    public long lateDays() {
        return Math.max(0, ChronoUnit.DAYS.between(deadline, repaidOn));
    }

    public long interest() {
        return fromReceipt ? accrued(interestDays()) : 0;
    }

    public long lateInterest() {
        return accrued(lateDays());
    }

    /** principal × 10.95 % × days / 365, rounded down (BigInteger: a decade of days would overflow a long). */
    private long accrued(long days) {
        return BigInteger.valueOf(principal).multiply(BigInteger.valueOf(RATE_BASIS_POINTS))
                .multiply(BigInteger.valueOf(days))
                .divide(BigInteger.valueOf(10_000L * DAYS_PER_YEAR)).longValueExact();
    }
}
