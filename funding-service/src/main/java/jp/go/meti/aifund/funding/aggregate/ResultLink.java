package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.funding.domain.MilestoneResult;
import jp.go.meti.aifund.funding.domain.PaymentRule;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.kernel.Text;

/**
 * A result-linked allocation: money of one fiscal year that follows the result of one milestone (or,
 * for a remainder rolled over, of a goal's checkpoint). Once the milestone's review is finalized its
 * {@link PaymentRule} splits the allocation into what was earned (paid through its tranches) and the
 * remainder, which rolls over to the goal's next checkpoint (a new link of the next fiscal year) when
 * the link allows it, or lapses. Invariant, once assessed: {@code allocation = max(earned, withdrawn) +
 * rolledOver + lapsed}, where withdrawn is what decisions took from its tranches. {@link Settlement}
 * applies results and amendments.
 */
@Entity
@Table(name = "result_link")
public class ResultLink {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    /** The fiscal year whose envelope pays what it earns. */
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Column(name = "recipient_id")
    public UUID recipientId;
    /** The milestone named when the tranche was planned; null for a remainder rolled over to a checkpoint. */
    @Column(name = "milestone_id")
    public UUID milestoneId;
    @Column(name = "milestone_code")
    public String milestoneCode;
    /** The fiscal year whose review assesses it. */
    @Column(name = "milestone_fiscal_year")
    public int milestoneFiscalYear;
    /** The goal whose checkpoint the milestone implements: where a remainder rolls over to. */
    @Column(name = "goal_id")
    public UUID goalId;
    @Enumerated(EnumType.STRING)
    public PaymentRule rule;
    /** The last fiscal year a rolled-over remainder may be paid in; null: the remainder lapses. */
    @Column(name = "roll_over_until")
    public Integer rollOverUntil;
    public long allocation;
    /** The review revision that assessed it; 0 while it awaits its result. */
    @Column(name = "assessed_revision")
    public int assessedRevision;
    @Column(name = "assessed_by_review")
    public UUID assessedByReview;
    public Boolean met;
    /** The exact achievement as the review computed it, {@code numerator/denominator}. */
    public String achievement;
    public long earned;
    @Column(name = "rolled_over")
    public long rolledOver;
    public long lapsed;
    /** Paid beyond what an amended result earned: to be recovered. */
    public long overpaid;
    @Column(name = "rolled_over_from")
    public UUID rolledOverFrom;
    @Column(name = "rolled_over_to")
    public UUID rolledOverTo;
    @Column(name = "updated_at")
    public Instant updatedAt;

    protected ResultLink() {
    }

    /** What funding-service knows of a milestone (its copy of milestone-service's events). */
    public record MilestoneRef(UUID id, UUID programmeId, int fiscalYear, String code, UUID goalId) {
    }

    /**
     * A result-linked allocation planned by a portal. Refused, naming the {@code resultLink} field: a
     * milestone of another programme, a milestone not assessed before the tranche's fiscal year, a
     * roll-over past the programme's last fiscal year or for a milestone that implements no goal.
     */
    static ResultLink plan(Programme p, int fiscalYear, UUID recipientId, MilestoneRef m, PaymentRule rule,
            Integer rollOverUntil, long allocation, Instant at) {
        if (!m.programmeId().equals(p.id)) {
            throw new InvalidRequestException("resultLink.milestoneId", new Text("funding.result-link.other-programme",
                    m.programmeId()));
        }
        if (m.fiscalYear() >= fiscalYear) {
            throw new InvalidRequestException("resultLink.milestoneId", new Text("funding.result-link.too-early",
                    Text.fiscalYear(m.fiscalYear()), Text.fiscalYear(fiscalYear)));
        }
        if (rollOverUntil != null) {
            if (rollOverUntil <= fiscalYear || rollOverUntil > p.lastFiscalYear) {
                throw new InvalidRequestException("resultLink.rollOverUntil", new Text("funding.result-link.roll-over-years",
                        Text.fiscalYear(rollOverUntil), Text.fiscalYear(fiscalYear + 1), Text.fiscalYear(p.lastFiscalYear)));
            }
            if (m.goalId() == null) {
                throw new InvalidRequestException("resultLink.rollOverUntil", new Text("funding.result-link.no-goal", m.code()));
            }
        }
        ResultLink link = new ResultLink(p.id, fiscalYear, recipientId, m.fiscalYear(), m.goalId(), rule, rollOverUntil,
                allocation, at);
        link.milestoneId = m.id();
        link.milestoneCode = m.code();
        return link;
    }

    private ResultLink(UUID programmeId, int fiscalYear, UUID recipientId, int milestoneFiscalYear, UUID goalId,
            PaymentRule rule, Integer rollOverUntil, long allocation, Instant at) {
        this.id = UUID.randomUUID();
        this.programmeId = programmeId;
        this.fiscalYear = fiscalYear;
        this.recipientId = recipientId;
        this.milestoneFiscalYear = milestoneFiscalYear;
        this.goalId = goalId;
        this.rule = rule;
        this.rollOverUntil = rollOverUntil;
        this.allocation = allocation;
        this.updatedAt = at;
    }

    /** The remainder of this link, rolled over to the goal's checkpoint of the next fiscal year. */
    ResultLink rollOver(long remainder, Instant at) {
        ResultLink next = new ResultLink(programmeId, fiscalYear + 1, recipientId, milestoneFiscalYear + 1, goalId,
                rule, rollOverUntil, remainder, at);
        next.rolledOverFrom = id;
        rolledOverTo = next.id;
        return next;
    }

    public boolean isAssessed() {
        return assessedRevision > 0;
    }

    /** Whether a remainder may roll over: the link allows it, the goal is known, and a later year may still pay. */
    boolean mayRollOver() {
        return rollOverUntil != null && goalId != null && fiscalYear < rollOverUntil;
    }

    /** Its result among a review's milestones: by code for a named milestone, by the goal for a checkpoint. */
    public MilestoneResult resultIn(List<MilestoneResult> reviewed) {
        return reviewed.stream().filter(r -> milestoneCode != null ? milestoneCode.equals(r.code())
                : goalId != null && goalId.equals(r.goalId())).findFirst().orElse(MilestoneResult.NONE);
    }

    /** Records a result of a later revision than the one it holds; false (nothing changed) otherwise. */
    boolean assess(MilestoneResult result, UUID reviewId, int revision, Instant at) {
        if (revision <= assessedRevision) {
            return false;
        }
        assessedRevision = revision;
        assessedByReview = reviewId;
        met = result.met();
        achievement = result.achievement().toString();
        if (milestoneCode != null && result.goalId() != null) {
            goalId = result.goalId(); // the review knows the milestone's goal as assessed
        }
        earn(at);
        return true;
    }

    /** Earned = the rule applied to the allocation and the result held; again whenever the allocation changes. */
    void earn(Instant at) {
        if (isAssessed()) {
            earned = rule.earned(allocation, new MilestoneResult(milestoneCode, goalId, met, Ratio.parse(achievement)));
        }
        updatedAt = at;
    }

    /** What was paid beyond an amended result grows by {@code yen}. */
    void overpay(long yen) {
        overpaid += yen;
    }

    /**
     * Forgives overpaid money, up to {@code wanted}, that was not recovered yet ({@code recovered} of
     * its tranches): what a raised result lets the recipient keep. Returns how much.
     */
    long forgive(long wanted, long recovered) {
        long forgiven = Math.min(Math.max(0, overpaid - recovered), wanted);
        overpaid -= forgiven;
        return forgiven;
    }

    /** The remainder rolled over becomes {@code remainder}; returns the change. */
    long rollOverPart(long remainder) {
        long change = remainder - rolledOver;
        rolledOver = remainder;
        return change;
    }

    /** The remainder lapsed becomes {@code remainder}; returns the change. */
    long lapsePart(long remainder) {
        long change = remainder - lapsed;
        lapsed = remainder;
        return change;
    }

    /** A rolled-over remainder that an amendment of the year before changed: earned again by its own result. */
    void reallocate(long newAllocation, Instant at) {
        allocation = newAllocation;
        earn(at);
    }

    String describe() {
        String what = milestoneCode != null ? "milestone " + milestoneCode : "the goal's checkpoint";
        return "FY" + milestoneFiscalYear + " " + what + " (" + rule + ")";
    }
}
