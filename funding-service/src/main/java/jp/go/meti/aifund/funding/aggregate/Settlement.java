package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.domain.MilestoneResult;
import jp.go.meti.aifund.funding.domain.TrancheState;

/**
 * Applies a finalized or amended result to a {@link ResultLink} and brings its tranches and its
 * remainder in line, through the {@link Programme} (the caller holds its row locked):
 * <ol>
 * <li>What its tranches may pay becomes {@code earned − withdrawn}. Lower: unapproved tranches are
 * lowered first, then approved ones (their commitment returns to the headroom); what was already
 * paid beyond it is recorded as overpaid, to be recovered. Higher: what was overpaid is forgiven
 * first, then an unapproved tranche is raised, else a new tranche pays the difference. So an
 * amendment never pays the same yen twice.</li>
 * <li>The remainder {@code allocation − max(earned, withdrawn)} rolls over to the goal's next
 * checkpoint (a link and tranche of the next fiscal year, settled again in turn when it changes) if
 * the link allows it and that year has an envelope; otherwise it lapses.</li>
 * </ol>
 * Each step is a ledger movement with its reason. Plain objects in, so the rules are tested without a database.
 */
public final class Settlement {

    /** What the settlement reads, and where it puts the links and tranches it creates. */
    public interface Book {
        List<Tranche> tranchesOf(ResultLink link);

        ResultLink link(UUID id);

        Optional<Envelope> envelope(int fiscalYear);

        /** The latest finalized revision of a fiscal year's review, if one was received. */
        Optional<Review> review(int fiscalYear);

        void add(ResultLink link);

        void add(Tranche tranche);
    }

    /** A finalized revision of a fiscal year's review, as far as money follows it. */
    public record Review(UUID id, int revision, List<MilestoneResult> results) {
    }

    /** A ledger movement and the reason it is recorded with. */
    public record Step(Movement movement, String reason) {
    }

    public static final String ACTOR = "milestone-service";

    private final Programme programme;
    private final Book book;
    private final Instant at;
    private final List<Step> steps = new ArrayList<>();

    public Settlement(Programme programme, Book book, Instant at) {
        this.programme = programme;
        this.book = book;
        this.at = at;
    }

    /** The steps of applying review {@code reviewId}'s revision to the link; none if it holds a later one. */
    public List<Step> apply(ResultLink link, Review review) {
        steps.clear();
        assess(link, review);
        return List.copyOf(steps);
    }

    private void assess(ResultLink link, Review review) {
        MilestoneResult result = link.resultIn(review.results());
        if (link.assess(result, review.id(), review.revision(), at)) {
            settle(link, "FY" + link.milestoneFiscalYear + " review revision " + review.revision() + " (" + review.id()
                    + "): " + result.describe());
        }
    }

    private void settle(ResultLink link, String why) {
        List<Tranche> family = book.tranchesOf(link);
        long withdrawn = family.stream().mapToLong(t -> t.withdrawnAmount).sum();
        long payable = Math.max(0, (link.isAssessed() ? link.earned : link.allocation) - withdrawn);
        String reason = why + "; " + link.describe() + ": of ¥" + link.allocation
                + (link.isAssessed() ? " ¥" + link.earned + " earned" : " awaiting its result");
        pay(link, family, payable, reason);
        if (link.isAssessed()) {
            dispose(link, family.get(0), link.allocation - Math.max(link.earned, withdrawn), reason);
        }
    }

    /**
     * Brings what the link's tranches may pay ({@code Σ amount − overpaid}, cancelled ones aside) to
     * {@code payable}, never paying a yen twice. Overpaid money already recovered is not forgiven:
     * the difference is paid again, by a new tranche.
     */
    private void pay(ResultLink link, List<Tranche> family, long payable, String reason) {
        long current = family.stream().filter(t -> t.state != TrancheState.CANCELLED).mapToLong(t -> t.amount).sum()
                - link.overpaid;
        List<Tranche> open = family.stream().filter(t -> t.state.isOpen())
                .sorted(Comparator.comparing(Tranche::isApproved)).toList();
        if (payable < current) {
            long excess = current - payable;
            for (Tranche t : open) {
                long cut = Math.min(excess, t.amount);
                if (cut > 0) {
                    excess -= cut;
                    settle(t, t.amount - cut, link, reason);
                }
            }
            if (excess > 0) {
                link.overpay(excess);
                Tranche paid = family.stream().filter(t -> t.disbursedOn != null).findFirst().orElseThrow();
                steps.add(new Step(programme.overpaid(paid, excess), reason + "; ¥" + excess
                        + " more was paid than earned and is to be recovered"));
            }
        } else if (payable > current) {
            long more = payable - current;
            more -= link.forgive(more, family.stream().mapToLong(t -> t.recoveredAmount).sum());
            Optional<Tranche> unapproved = open.stream().filter(t -> !t.isApproved()).findFirst();
            if (more > 0 && unapproved.isPresent()) {
                settle(unapproved.get(), unapproved.get().amount + more, link, reason);
            } else if (more > 0) {
                Tranche topUp = new Tranche(link, more, false, "earned by an amended result, beyond what was approved",
                        family.get(0).requestedBy, at);
                book.add(topUp);
                steps.add(new Step(programme.planned(topUp), reason + "; ¥" + more
                        + " earned beyond the approved tranches, in this new tranche"));
            }
        }
        family.stream().filter(t -> t.awaitingResult == link.isAssessed() && t.state.isOpen())
                .forEach(t -> settle(t, t.amount, link, reason));
    }

    private void settle(Tranche t, long newAmount, ResultLink link, String reason) {
        Envelope e = book.envelope(t.fiscalYear).orElseThrow();
        steps.add(new Step(programme.settle(t, e, newAmount, !link.isAssessed(), at), reason));
    }

    /** The remainder rolls over to the goal's next checkpoint when it may (and once it did), else it lapses. */
    private void dispose(ResultLink link, Tranche first, long remainder, String reason) {
        boolean rolls = link.rolledOverTo != null || (link.lapsed == 0 && remainder > 0 && link.mayRollOver()
                && book.envelope(link.fiscalYear + 1).isPresent());
        if (rolls) {
            long change = link.rollOverPart(remainder);
            if (change == 0) {
                return;
            }
            steps.add(new Step(programme.rolledOver(first, Math.abs(change)), reason + "; ¥" + remainder
                    + " rolled over to the FY" + (link.milestoneFiscalYear + 1) + " checkpoint"
                    + (change < 0 ? " (¥" + -change + " less than before)" : "")));
            if (link.rolledOverTo == null) {
                ResultLink next = link.rollOver(remainder, at);
                book.add(next);
                Tranche t = new Tranche(next, remainder, true, "rolled over from tranche " + first.id
                        + ": paid by the FY" + next.milestoneFiscalYear + " checkpoint of the same goal", first.requestedBy, at);
                book.add(t);
                steps.add(new Step(programme.planned(t), reason + "; rolled over from tranche " + first.id));
                // an amendment may roll over to a checkpoint whose review is in already
                book.review(next.milestoneFiscalYear).ifPresent(review -> assess(next, review));
            } else {
                ResultLink next = book.link(link.rolledOverTo);
                next.reallocate(remainder, at);
                settle(next, "the remainder rolled over from FY" + link.milestoneFiscalYear + " changed");
            }
        } else {
            long change = link.lapsePart(remainder);
            if (change != 0) {
                steps.add(new Step(programme.lapsed(first, Math.abs(change)), reason + "; ¥" + remainder + " lapsed"
                        + (change < 0 ? " (¥" + -change + " earned back by this result)" : "")
                        + (link.mayRollOver() ? " (the next fiscal year has no envelope to roll over into)" : "")));
            }
        }
    }
}
