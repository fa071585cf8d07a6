package jp.go.meti.aifund.funding.domain;

/**
 * The money held against one limit (the programme's ceiling or a fiscal-year envelope), in whole
 * yen. Outstanding = committed + disbursed − recovered, and it may never exceed the limit.
 * Every operation checks the cumulative total including the request itself and returns a new
 * value; overflow of a {@code long} is an error, never a wrap-around.
 */
public record Exposure(String name, long limit, long committed, long disbursed, long recovered) {

    public Exposure {
        if (limit < 0 || committed < 0 || disbursed < 0 || recovered < 0 || recovered > disbursed) {
            throw new IllegalStateException("inconsistent exposure of " + name + ": " + this);
        }
    }

    public long outstanding() {
        return committed + disbursed - recovered;
    }

    /** What can still be committed: limit − committed − disbursed + recovered. */
    public long headroom() {
        return limit - outstanding();
    }

    /** Reserves {@code amount} for an approved tranche, if the limit allows it. */
    public Exposure commit(long amount) {
        Money.requirePositive(amount, "amount");
        if (amount > headroom()) {
            throw new LimitExceededException(name, limit, outstanding(), amount);
        }
        return new Exposure(name, limit, Math.addExact(committed, amount), disbursed, recovered);
    }

    /** Gives back {@code amount} of a commitment (a reduced or cancelled approved tranche). */
    public Exposure releaseCommitment(long amount) {
        Money.requirePositive(amount, "amount");
        if (amount > committed) {
            throw new IllegalStateException(name + ": releasing " + amount + " of " + committed + " committed");
        }
        return new Exposure(name, limit, committed - amount, disbursed, recovered);
    }

    /** Pays out a committed amount: it moves from committed to disbursed, the outstanding total is unchanged. */
    public Exposure disburse(long amount) {
        Money.requirePositive(amount, "amount");
        if (amount > committed) {
            throw new IllegalStateException(name + ": disbursing " + amount + " of " + committed + " committed");
        }
        return new Exposure(name, limit, committed - amount, Math.addExact(disbursed, amount), recovered);
    }

    /** Records money returned by the recipient; it goes back to the headroom. */
    public Exposure recover(long amount) {
        Money.requirePositive(amount, "amount");
        if (amount > disbursed - recovered) {
            throw new IllegalStateException(name + ": recovering " + amount + " of " + (disbursed - recovered) + " outstanding");
        }
        return new Exposure(name, limit, committed, disbursed, recovered + amount);
    }

    /** The same money against a new limit, which must still cover it. */
    public Exposure withLimit(long newLimit) {
        if (newLimit < outstanding()) {
            throw new LimitExceededException(name, newLimit, outstanding(), 0);
        }
        return new Exposure(name, newLimit, committed, disbursed, recovered);
    }
}
