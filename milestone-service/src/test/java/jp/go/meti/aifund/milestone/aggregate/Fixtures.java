package jp.go.meti.aifund.milestone.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.scoring.Direction;
import jp.go.meti.aifund.scoring.Outcome;
import jp.go.meti.aifund.scoring.ReviewScoring;

/** Aggregates built as the services build them, for the plain unit tests of their rules. */
final class Fixtures {

    static final UUID PROGRAMME = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID RECIPIENT = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final int FY = 2026;
    static final Instant T0 = Instant.parse("2027-05-01T01:00:00Z");
    static final Instant T1 = Instant.parse("2027-05-02T01:00:00Z");
    static final Instant T2 = Instant.parse("2027-05-03T01:00:00Z");
    static final LocalDate DUE = LocalDate.of(2027, 6, 30);
    static final ReviewScoring.Score PASSED = new ReviewScoring.Score(Ratio.ONE, Outcome.PASSED, ReviewScoring.VERSION);

    private Fixtures() {
    }

    /** At least 80 of 100 "papers", worth {@code weight} bp, the responsibility of {@link #RECIPIENT}. */
    static Milestone.Terms terms(int weight) {
        return new Milestone.Terms(" Papers ", " peer-reviewed papers ", " papers ", Direction.AT_LEAST,
                new BigDecimal("100"), new BigDecimal("80"), weight, true, RECIPIENT, null);
    }

    static Milestone milestone(String code) {
        return Milestone.define(PROGRAMME, FY, code, terms(10_000), "nedo.officer", T0);
    }

    static Review draft() {
        return Review.open(PROGRAMME, FY, 1, DUE, "nedo.officer", T0);
    }

    static Review submitted(String by) {
        Review review = draft();
        review.submit(by, PASSED, T1);
        return review;
    }

    static Review finalized() {
        Review review = submitted("nedo.officer");
        review.finalize("meti.official", null, PASSED, T2);
        return review;
    }
}
