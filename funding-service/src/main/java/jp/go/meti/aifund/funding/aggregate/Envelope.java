package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.funding.domain.Exposure;
import jp.go.meti.aifund.funding.domain.Gate;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.kernel.ConflictException;

/**
 * The planned amount of one fiscal year, the money held against it, and the gate of its tranches.
 * Part of the {@link Programme} aggregate: only the programme moves its money, so the envelope and
 * the ceiling always change together.
 */
@Entity
@Table(name = "fiscal_year_envelope")
public class Envelope {

    private static final String BY_REVIEW = "review ";

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public long amount;
    public long committed;
    public long disbursed;
    public long recovered;
    @Enumerated(EnumType.STRING)
    public Gate gate;
    @Column(name = "gate_reason")
    public String gateReason;
    @Column(name = "gate_set_by")
    public String gateSetBy;
    @Column(name = "gate_set_at")
    public Instant gateSetAt;
    /** Moved in from the year before, and out to the next, by confirmed carry-over decisions. */
    @Column(name = "carried_in")
    public long carriedIn;
    @Column(name = "carried_out")
    public long carriedOut;
    /** Money returned to the treasury that confirmed decisions re-appropriated into this year: part of {@code amount}. */
    public long reappropriated;
    /** What neither was committed nor carried over when the year was closed (不用). */
    public long lapsed;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;

    protected Envelope() {
    }

    /** A year not planned yet: nothing in it, its gate as the programme's first year or a later one starts. */
    Envelope(UUID programmeId, int fiscalYear, Gate gate) {
        this.programmeId = programmeId;
        this.fiscalYear = fiscalYear;
        this.gate = gate;
    }

    public boolean isNew() {
        return id == null;
    }

    public Exposure exposure() {
        return new Exposure(new Text("funding.limit.envelope", Text.fiscalYear(fiscalYear)), amount, committed, disbursed, recovered, 0);
    }

    void apply(Exposure exposure) {
        amount = exposure.limit();
        committed = exposure.committed();
        disbursed = exposure.disbursed();
        recovered = exposure.recovered();
    }

    /** Gives a new envelope its id once its first amount is set. */
    void planned(long newAmount) {
        apply(exposure().withLimit(newAmount));
        if (id == null) {
            id = UUID.randomUUID();
        }
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    /** The year as planned: its budget before carry-overs, re-appropriations and the lapse. */
    public long plannedAmount() {
        return amount - carriedIn - reappropriated + carriedOut + lapsed;
    }

    /** Money of a closed year no longer moves (a recovery of what it paid aside). */
    void requireOpen() {
        if (isClosed()) {
            throw ConflictException.of("funding.envelope.closed", Text.fiscalYear(fiscalYear), closedAt, closedBy);
        }
    }

    /** {@code yen} of its budget moves to the next year's; {@code committed} of it with approved tranches. */
    void carryOut(long yen, long committedPart) {
        apply(new Exposure(exposure().name(), amount - yen, committed - committedPart, disbursed, recovered, 0));
        carriedOut += yen;
    }

    void carryIn(long yen, long committedPart) {
        apply(new Exposure(exposure().name(), amount + yen, committed + committedPart, disbursed, recovered, 0));
        carriedIn += yen;
    }

    /** Returned money re-appropriated into the year: its budget grows by it. */
    void reappropriate(long yen) {
        requireOpen();
        amount = Math.addExact(amount, yen);
        reappropriated += yen;
    }

    /** Closes the year: what is left of its budget lapses. Returns how much. */
    long close(String actor, Instant at) {
        long left = exposure().headroom();
        apply(exposure().withLimit(amount - left));
        lapsed += left;
        closedAt = at;
        closedBy = actor;
        return left;
    }

    /** A termination reversed: the year is open again, and what its close lapsed ({@code yen}) is its budget again. */
    void reopen(long yen) {
        apply(exposure().withLimit(Math.addExact(amount, yen)));
        lapsed -= yen;
        closedAt = null;
        closedBy = null;
    }

    void requireGateOpen() {
        if (!gate.allowsApproval()) {
            throw ConflictException.of("funding.envelope.gated", Text.fiscalYear(fiscalYear), Text.fiscalYear(fiscalYear - 1));
        }
    }

    /** A recorded ministry decision opens the gate; false if it was open already. */
    boolean override(String reason, String actor, Instant at) {
        if (gate == Gate.NOT_GATED) {
            throw ConflictException.of("funding.envelope.no-gate", Text.fiscalYear(fiscalYear));
        }
        if (gate == Gate.OPEN) {
            return false;
        }
        setGate(Gate.OPEN, reason, actor, at);
        return true;
    }

    /**
     * The finalized review of the year before: {@code PASSED} opens the gate; any other outcome closes
     * a gate a review had opened, and leaves one a ministry decision opened.
     */
    public void reviewed(String outcome, UUID reviewId, Instant at) {
        boolean passed = "PASSED".equals(outcome);
        boolean openedByAReview = gate == Gate.OPEN && gateSetBy != null && gateSetBy.startsWith(BY_REVIEW);
        if (gate != Gate.NOT_GATED && (passed || openedByAReview)) {
            setGate(passed ? Gate.OPEN : Gate.CLOSED, "FY" + (fiscalYear - 1) + " review " + outcome
                    + (passed ? "" : ": closed until a ministry decision"), BY_REVIEW + reviewId, at);
        }
    }

    private void setGate(Gate newGate, String reason, String by, Instant at) {
        gate = newGate;
        gateReason = reason;
        gateSetBy = by;
        gateSetAt = at;
    }
}
