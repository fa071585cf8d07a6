package jp.go.meti.aifund.notification.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.go.meti.aifund.kernel.LargestRemainder;
import jp.go.meti.aifund.kernel.LargestRemainder.Part;
import jp.go.meti.aifund.kernel.LargestRemainder.Share;
import jp.go.meti.aifund.scoring.Outcome;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.scoring.Weights;

/**
 * The pullback policy, {@value #RULES}, with its settings. Its {@link #version()} names the rules
 * and the settings, and is stored with every warning, so a recommendation can be explained years
 * later by the exact policy that made it.
 * <ul>
 * <li>a critical milestone {@code MISSED} → {@code PULLBACK_RECOMMENDED}: reduce the next fiscal
 * year's not-yet-disbursed gated tranches by planned × (1 − score), computed from the review's exact
 * score and rounded down to the yen only then (rules 1 used the score already rounded to basis points), split
 * across the consortium members by their shares ({@link LargestRemainder});</li>
 * <li>outcome {@code CONDITIONAL} → {@code WATCH}; {@code FAILED} after a {@code FAILED} year →
 * {@code TERMINATION_REVIEW};</li>
 * <li>a review not finalized by its due date → {@code REVIEW_OVERDUE}, and within the lead time
 * before it → {@code REVIEW_DUE_SOON};</li>
 * <li>headroom under the configured share of the ceiling → {@code CEILING_NEAR}.</li>
 * </ul>
 */
public record PullbackPolicy(int ceilingNearBasisPoints, int reminderLeadDays) {

    public static final String RULES = "pullback-policy/2";

    public String version() {
        return RULES + ";ceiling-near=" + ceilingNearBasisPoints + "bp;reminder=" + reminderLeadDays + "d";
    }

    /** A finalized review as the policy reads it. */
    public record Review(UUID reviewId, UUID programmeId, int fiscalYear, Ratio score, Outcome outcome,
            List<String> criticalMissed) {
    }

    /** The recommended reduction and how it splits across the members; the score exact and, for display, in basis points. */
    public record Reduction(int reviewedFiscalYear, int affectedFiscalYear, long plannedAmount, int scoreBasisPoints,
            Ratio score, long amount, List<Part> parts) {
    }

    /** What the policy finds; {@code reduction} only for a pullback. */
    /** What a warning says: its title and detail as texts, said in each reader's language. */
    public record Finding(WarningKind kind, int fiscalYear, Text title, Text detail, Reduction reduction) {
    }

    /**
     * @param previousYear the outcome of the year before, if it was reviewed
     * @param plannedNextYear the amount of the next year's tranches gated by this review and not yet paid
     * @param members the consortium members and their shares
     */
    public List<Finding> onReview(Review review, Outcome previousYear, long plannedNextYear, List<Share> members) {
        List<Finding> findings = new ArrayList<>();
        if (!review.criticalMissed().isEmpty()) {
            Reduction reduction = reduction(review, plannedNextYear, members);
            findings.add(new Finding(WarningKind.PULLBACK_RECOMMENDED, review.fiscalYear(),
                    new Text("notification.pullback.title", Text.fiscalYear(review.fiscalYear()),
                            String.join(", ", review.criticalMissed())),
                    new Text("notification.pullback.detail", percent(review.score()),
                            Text.fiscalYear(reduction.affectedFiscalYear()), Text.yen(plannedNextYear),
                            Text.yen(reduction.amount()), members.isEmpty() ? ""
                                    : new Text("notification.pullback.split", String.valueOf(members.size()))),
                    reduction));
        }
        if (review.outcome() == Outcome.CONDITIONAL) {
            findings.add(new Finding(WarningKind.WATCH, review.fiscalYear(),
                    new Text("notification.watch.title", Text.fiscalYear(review.fiscalYear())),
                    new Text("notification.watch.detail", percent(review.score())), null));
        }
        if (review.outcome() == Outcome.FAILED && previousYear == Outcome.FAILED) {
            findings.add(new Finding(WarningKind.TERMINATION_REVIEW, review.fiscalYear(),
                    new Text("notification.termination.title", Text.fiscalYear(review.fiscalYear() - 1),
                            Text.fiscalYear(review.fiscalYear())),
                    new Text("notification.termination.detail"), null));
        }
        return findings;
    }

    public Optional<Finding> onTotals(int fiscalYear, long ceiling, long headroom) {
        // headroom / ceiling < share, compared without division: headroom × 10,000 < share × ceiling
        if (ceiling <= 0 || headroom * 10_000 >= (long) ceilingNearBasisPoints * ceiling) {
            return Optional.empty();
        }
        return Optional.of(new Finding(WarningKind.CEILING_NEAR, fiscalYear,
                new Text("notification.ceiling.title", Text.yen(headroom), Text.yen(ceiling)),
                new Text("notification.ceiling.detail", Weights.percent(ceilingNearBasisPoints)), null));
    }

    /** An unfinalized review of {@code fiscalYear} due on {@code due}, seen on {@code today}. */
    public Optional<Finding> onDeadline(int fiscalYear, LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return Optional.of(new Finding(WarningKind.REVIEW_OVERDUE, fiscalYear,
                    new Text("notification.overdue.title", Text.fiscalYear(fiscalYear), due),
                    new Text("notification.overdue.detail", String.valueOf(ChronoUnit.DAYS.between(due, today))), null));
        }
        if (!today.isBefore(due.minusDays(reminderLeadDays))) {
            return Optional.of(new Finding(WarningKind.REVIEW_DUE_SOON, fiscalYear,
                    new Text("notification.due-soon.title", Text.fiscalYear(fiscalYear), due),
                    new Text("notification.due-soon.detail", String.valueOf(ChronoUnit.DAYS.between(today, due))), null));
        }
        return Optional.empty();
    }

    private static Reduction reduction(Review review, long planned, List<Share> members) {
        long amount = review.score().complement().floorOf(planned); // the one rounding: down, to the yen
        List<Part> parts = members.isEmpty() ? List.of() : LargestRemainder.split(amount, members);
        return new Reduction(review.fiscalYear(), review.fiscalYear() + 1, planned, review.score().floorBasisPoints(),
                review.score(), amount, parts);
    }

    /** The exact score shown as a percentage, rounded down to a hundredth: 929/2400 → "38.70 %". */
    private static String percent(Ratio score) {
        return Weights.percent(score.floorBasisPoints());
    }
}
