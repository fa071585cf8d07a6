package jp.go.meti.aifund.funding.domain;

import jp.go.meti.aifund.kernel.Text;

/**
 * The money held against one limit (the programme's ceiling or a fiscal-year envelope), in whole
 * yen. Outstanding = committed + disbursed − reappropriated, and it may never exceed the limit.
 * Money the recipient returns ({@code recovered}) goes back to the treasury (国庫返納): it does
 * not restore the headroom. A recorded decision may re-appropriate returned money into a year's
 * envelope: the envelope's limit grows by it, and the programme's ceiling counts it as
 * {@code reappropriated} (an envelope's is 0: its limit holds it).
 * Every operation checks the cumulative total including the request itself and returns a new
 * value; overflow of a {@code long} is an error, never a wrap-around.
 */
public record Exposure(Text name, long limit, long committed, long disbursed, long recovered, long reappropriated) {

    public Exposure {
        if (limit < 0 || committed < 0 || disbursed < 0 || recovered < 0 || recovered > disbursed
                || reappropriated < 0 || reappropriated > recovered) {
            throw new IllegalStateException("inconsistent exposure of " + name + ": " + this);
        }
    }

    /** What is held against the limit: committed and paid money, less returned money a decision re-appropriated. */
    public long outstanding() {
        return committed + disbursed - reappropriated;
    }

    /** What can still be committed: limit − committed − disbursed + reappropriated. */
    public long headroom() {
        return limit - outstanding();
    }

    /** Reserves {@code amount} for an approved tranche, if the limit allows it. */
    public Exposure commit(long amount) {
        Money.requirePositive(amount, "amount");
        if (amount > headroom()) {
            throw new LimitExceededException(name, limit, outstanding(), amount);
        }
        return new Exposure(name, limit, Math.addExact(committed, amount), disbursed, recovered, reappropriated);
    }

    /** Gives back {@code amount} of a commitment (a reduced or cancelled approved tranche). */
    public Exposure releaseCommitment(long amount) {
        Money.requirePositive(amount, "amount");
        if (amount > committed) {
            throw new IllegalStateException(name + ": releasing " + amount + " of " + committed + " committed");
        }
        return new Exposure(name, limit, committed - amount, disbursed, recovered, reappropriated);
    }

    /** Pays out a committed amount: it moves from committed to disbursed, the outstanding total is unchanged. */
    public Exposure disburse(long amount) {
        Money.requirePositive(amount, "amount");
        if (amount > committed) {
            throw new IllegalStateException(name + ": disbursing " + amount + " of " + committed + " committed");
        }
        return new Exposure(name, limit, committed - amount, Math.addExact(disbursed, amount), recovered,
                reappropriated);
    }

    /** Records money returned by the recipient: it goes to the treasury, the headroom is unchanged. */
    public Exposure recover(long amount) {
        Money.requirePositive(amount, "amount");
        if (amount > disbursed - recovered) {
            throw new IllegalStateException(name + ": recovering " + amount + " of " + (disbursed - recovered) + " outstanding");
        }
        return new Exposure(name, limit, committed, disbursed, recovered + amount, reappropriated);
    }

    /** The same money against a new limit, which must still cover it. */
    public Exposure withLimit(long newLimit) {
        if (newLimit < outstanding()) {
            throw new LimitExceededException(name, newLimit, outstanding(), 0);
        }
        return new Exposure(name, newLimit, committed, disbursed, recovered, reappropriated);
    }
}
