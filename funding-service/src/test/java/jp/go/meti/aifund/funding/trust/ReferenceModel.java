package jp.go.meti.aifund.funding.trust;

import java.util.HashMap;
import java.util.Map;

/**
 * The money rules as a single-threaded model, written apart from the service's code: replaying
 * the ledger through it must be legal at every step and land on the same balances.
 */
final class ReferenceModel {

    static final class Tranche {
        int fiscalYear;
        long amount;
        long recovered;
        String state = "PLANNED";
        String beforeHold;
        boolean approved;

        Tranche(int fiscalYear, long amount) {
            this.fiscalYear = fiscalYear;
            this.amount = amount;
        }

        boolean open() {
            return state.equals("PLANNED") || state.equals("APPROVED") || state.equals("ON_HOLD")
                    || state.equals("REDUCED");
        }
    }

    long ceiling;
    final Map<Integer, Long> envelopes = new HashMap<>();
    final java.util.Set<Integer> closed = new java.util.HashSet<>();
    private Integer carriedFrom;
    final Map<Integer, long[]> envelopeMoney = new HashMap<>(); // committed, disbursed, recovered
    final Map<String, Tranche> tranches = new HashMap<>();
    long committed;
    long disbursed;
    long recovered;
    /** Of the returned money, what decisions made spendable again; the rest stays with the treasury. */
    long reappropriated;
    /** Closed by its final settlement or terminated: only returned money moves afterwards. */
    boolean ended;

    ReferenceModel(long ceiling) {
        this.ceiling = ceiling;
    }

    long planned() {
        return envelopes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Applies one ledger entry; throws when the model forbids it. */
    void apply(String kind, String trancheId, Integer fiscalYear, long amount) {
        Tranche t = trancheId == null ? null : tranches.get(trancheId);
        if (carriedFrom != null && !kind.equals("TRANCHE_CARRIED_OVER")) {
            finish();
        }
        if (ended && !kind.equals("TRANCHE_RECOVERED")) {
            throw new IllegalStateException(kind + " after the programme ended");
        }
        switch (kind) {
            case "PROGRAMME_CREATED", "GATE_OVERRIDDEN" -> { }
            case "ENVELOPE_SET" -> {
                requireOpen(fiscalYear, kind);
                envelopes.put(fiscalYear, amount);
                envelopeMoney.putIfAbsent(fiscalYear, new long[3]);
            }
            case "TRANCHE_PLANNED" -> {
                requireOpen(fiscalYear, kind);
                tranches.put(trancheId, new Tranche(fiscalYear, amount));
            }
            case "TRANCHE_APPROVED" -> {
                requireOpen(t.fiscalYear, kind);
                require(t, !t.approved && (t.state.equals("PLANNED") || t.state.equals("REDUCED")) && amount == t.amount, kind);
                t.approved = true;
                t.state = "APPROVED";
                move(t.fiscalYear, amount, 0, 0);
            }
            case "TRANCHE_DISBURSED" -> {
                requireOpen(t.fiscalYear, kind);
                require(t, t.approved && (t.state.equals("APPROVED") || t.state.equals("REDUCED")) && amount == t.amount, kind);
                t.state = "DISBURSED";
                move(t.fiscalYear, -amount, amount, 0);
            }
            case "TRANCHE_HELD" -> {
                require(t, t.open() && !t.state.equals("ON_HOLD"), kind);
                t.beforeHold = t.state;
                t.state = "ON_HOLD";
            }
            case "TRANCHE_RELEASED" -> {
                require(t, t.state.equals("ON_HOLD"), kind);
                t.state = t.beforeHold;
            }
            case "TRANCHE_REDUCED" -> {
                require(t, t.open() && amount > 0 && amount < t.amount, kind);
                if (t.approved) {
                    move(t.fiscalYear, -amount, 0, 0);
                }
                t.amount -= amount;
                t.state = "REDUCED";
            }
            case "TRANCHE_CANCELLED" -> {
                require(t, t.open() && amount == t.amount, kind);
                if (t.approved) {
                    move(t.fiscalYear, -amount, 0, 0);
                }
                t.state = "CANCELLED";
            }
            case "TRANCHE_RECOVERED" -> {
                require(t, (t.state.equals("DISBURSED") || t.state.equals("RECOVERED")) && amount > 0
                        && t.recovered + amount <= t.amount, kind);
                t.recovered += amount;
                t.state = "RECOVERED";
                move(t.fiscalYear, 0, 0, amount);
            }
            case "CARRIED_OVER" -> { // the budget moves; the tranches' entries that follow move their commitment
                requireOpen(fiscalYear, kind);
                requireOpen(fiscalYear + 1, kind);
                envelopes.merge(fiscalYear, -amount, Long::sum);
                envelopes.merge(fiscalYear + 1, amount, Long::sum);
                carriedFrom = fiscalYear;
            }
            case "TRANCHE_CARRIED_OVER" -> { // the commitment follows the budget its CARRIED_OVER entry moved
                require(t, t.approved && t.open() && amount == t.amount, kind);
                envelopeMoney.get(t.fiscalYear)[0] -= amount;
                t.fiscalYear++;
                envelopeMoney.get(t.fiscalYear)[0] += amount;
                requireWithin(t.fiscalYear);
            }
            case "YEAR_CLOSED" -> { // what lapses is exactly what was neither committed nor carried over
                requireOpen(fiscalYear, kind);
                long[] e = envelopeMoney.get(fiscalYear);
                boolean approvedUnpaid = tranches.values().stream()
                        .anyMatch(x -> x.fiscalYear == fiscalYear && x.approved && x.open());
                if (approvedUnpaid || amount != envelopes.get(fiscalYear) - e[0] - e[1]) {
                    throw new IllegalStateException("FY" + fiscalYear + " closed wrongly: lapse ¥" + amount);
                }
                envelopes.merge(fiscalYear, -amount, Long::sum);
                closed.add(fiscalYear);
            }
            case "REAPPROPRIATED" -> { // returned money, never more than the treasury holds, into an open year
                requireOpen(fiscalYear, kind);
                if (amount <= 0 || amount > recovered - reappropriated) {
                    throw new IllegalStateException("¥" + amount + " re-appropriated of ¥" + (recovered - reappropriated)
                            + " returned");
                }
                envelopes.merge(fiscalYear, amount, Long::sum);
                reappropriated += amount;
            }
            case "PROGRAMME_CLOSED", "PROGRAMME_TERMINATED" -> { // its entries cancelled and closed everything before
                if (!closed.containsAll(envelopes.keySet()) || tranches.values().stream().anyMatch(Tranche::open)) {
                    throw new IllegalStateException(kind + " with a year open or a tranche open");
                }
                ended = true;
            }
            case "CEILING_AMENDED" -> {
                if (amount < committed + disbursed - reappropriated || amount < planned() - reappropriated) {
                    throw new IllegalStateException("a ceiling of ¥" + amount + " below what is outstanding or planned");
                }
                ceiling = amount;
            }
            default -> throw new IllegalStateException("unknown ledger kind " + kind);
        }
    }

    private void move(int fiscalYear, long committedDelta, long disbursedDelta, long recoveredDelta) {
        committed += committedDelta;
        disbursed += disbursedDelta;
        recovered += recoveredDelta;
        long[] e = envelopeMoney.get(fiscalYear);
        e[0] += committedDelta;
        e[1] += disbursedDelta;
        e[2] += recoveredDelta;
        if (committed + disbursed - reappropriated > ceiling) {
            throw new IllegalStateException("the ceiling would be exceeded");
        }
        requireWithin(fiscalYear);
    }

    /**
     * A carry-over's entries (its budget, then each tranche's commitment) are one decision: the year
     * they leave is checked once they have all been applied, before the next entry or at the end.
     */
    void finish() {
        if (carriedFrom != null) {
            requireWithin(carriedFrom);
            carriedFrom = null;
        }
    }

    private void requireWithin(int fiscalYear) {
        long[] e = envelopeMoney.get(fiscalYear);
        if (e[0] + e[1] > envelopes.get(fiscalYear)) { // returned money (e[2]) went to the treasury
            throw new IllegalStateException("the FY" + fiscalYear + " envelope would be exceeded");
        }
    }

    private void requireOpen(int fiscalYear, String kind) {
        if (closed.contains(fiscalYear)) {
            throw new IllegalStateException(kind + " in FY" + fiscalYear + ", which is closed");
        }
    }

    private static void require(Tranche t, boolean allowed, String kind) {
        if (t == null || !allowed) {
            throw new IllegalStateException(kind + " is not allowed for " + (t == null ? "an unknown tranche"
                    : "a tranche " + t.state + " of ¥" + t.amount));
        }
    }
}
