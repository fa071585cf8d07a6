package jp.go.meti.aifund.milestone.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.milestone.domain.Projection;
import jp.go.meti.aifund.scoring.Decimals;
import jp.go.meti.aifund.scoring.Direction;

/**
 * A programme goal that spans years: a final target (reached by a fiscal year, or by a date that may
 * lie beyond the programme, like 10 million robots by 2040) and a trajectory of yearly checkpoints
 * within the programme's fiscal years, which milestones of those years implement. Defined once; it
 * never changes, so every projection made from it can be recomputed.
 */
@Entity
@Table(name = "goal")
public class Goal {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    public String code;
    public String title;
    public String metric;
    public String unit;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Column(name = "final_target")
    public BigDecimal finalTarget;
    /** The final value still acceptable: at most the target for AT_LEAST, at least it for AT_MOST. */
    @Column(name = "final_threshold")
    public BigDecimal finalThreshold;
    /** When the final target is due: a fiscal year, or else {@link #finalDate}. */
    @Column(name = "final_fiscal_year")
    public Integer finalFiscalYear;
    @Column(name = "final_date")
    public LocalDate finalDate;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "goal_sector", joinColumns = @JoinColumn(name = "goal_id"))
    @OrderColumn(name = "position")
    @Column(name = "sector")
    public List<String> sectors = new ArrayList<>();
    /** In ascending fiscal years, one per year at most. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "goal_checkpoint", joinColumns = @JoinColumn(name = "goal_id"))
    @OrderColumn(name = "position")
    public List<Checkpoint> checkpoints = new ArrayList<>();
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    /** For JPA; a goal begins with {@link #define}. */
    protected Goal() {
    }

    /** What a definition sets; {@code finalThreshold} null means the final target itself. */
    public record Terms(String title, String metric, String unit, Direction direction, BigDecimal finalTarget,
            BigDecimal finalThreshold, Integer finalFiscalYear, LocalDate finalDate, List<String> sectors,
            List<Planned> checkpoints) {
    }

    /** A checkpoint as asked for: the target of one fiscal year. */
    public record Planned(int fiscalYear, BigDecimal target) {
    }

    /**
     * A goal of {@code programme}, once its terms obey the rules: exact non-negative targets, a final
     * threshold on the acceptable side of the final target, either a final fiscal year or a final date
     * (not before the last checkpoint's fiscal year), and checkpoints in ascending distinct fiscal years
     * of the programme. A refusal names the field.
     */
    public static Goal define(ProgrammeCopy programme, String code, Terms terms, String actor, Instant at) {
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.programmeId = programme.programmeId;
        goal.code = code;
        goal.title = terms.title().strip();
        goal.metric = terms.metric().strip();
        goal.unit = terms.unit().strip();
        if (terms.direction() == null) {
            throw new InvalidRequestException("direction", new Text("kernel.required"));
        }
        goal.direction = terms.direction();
        goal.finalTarget = nonNegative("finalTarget", terms.finalTarget());
        goal.finalThreshold = terms.finalThreshold() == null ? goal.finalTarget
                : Decimals.exact("finalThreshold", terms.finalThreshold());
        if (goal.direction == Direction.AT_LEAST ? goal.finalThreshold.compareTo(goal.finalTarget) > 0
                : goal.finalThreshold.compareTo(goal.finalTarget) < 0) {
            throw new InvalidRequestException("finalThreshold", new Text(goal.direction == Direction.AT_LEAST
                    ? "milestone.goal.threshold-above" : "milestone.goal.threshold-below"));
        }
        goal.setCheckpoints(programme, terms.checkpoints());
        goal.setFinal(terms.finalFiscalYear(), terms.finalDate());
        goal.setSectors(terms.sectors());
        goal.createdBy = actor;
        goal.createdAt = at;
        return goal;
    }

    public Optional<Checkpoint> checkpoint(int fiscalYear) {
        return checkpoints.stream().filter(c -> c.fiscalYear == fiscalYear).findFirst();
    }

    /**
     * A milestone of {@code fiscalYear} may implement this goal when the goal has a checkpoint in that
     * year and the milestone measures in the goal's unit and direction (its result becomes the goal's
     * actual of that year, compared with the checkpoint's target). A refusal names {@code implementsGoal}.
     */
    public void requireImplementableBy(UUID milestoneProgramme, int fiscalYear, String milestoneUnit,
            Direction milestoneDirection) {
        if (!programmeId.equals(milestoneProgramme)) {
            throw new InvalidRequestException("implementsGoal", new Text("milestone.goal.other-programme", code));
        }
        if (checkpoint(fiscalYear).isEmpty()) {
            throw new InvalidRequestException("implementsGoal", new Text("milestone.goal.no-checkpoint", code,
                    Text.fiscalYear(fiscalYear),
                    new Text.Items(checkpoints.stream().map(c -> Text.fiscalYear(c.fiscalYear)).toList())));
        }
        if (!unit.equals(milestoneUnit.strip()) || direction != milestoneDirection) {
            throw new InvalidRequestException("implementsGoal", new Text("milestone.goal.unit-direction", code, direction,
                    unit));
        }
    }

    /** Where the goal ends if it keeps the ratio to plan of {@code actual}, the result of a checkpoint year. */
    public Projection project(int fiscalYear, BigDecimal actual) {
        Checkpoint c = checkpoint(fiscalYear).orElseThrow(() -> new IllegalArgumentException(
                "goal " + code + " has no checkpoint in FY" + fiscalYear));
        return Projection.of(direction, finalTarget, finalThreshold, c.target, actual);
    }

    private void setCheckpoints(ProgrammeCopy programme, List<Planned> planned) {
        if (planned == null || planned.isEmpty()) {
            throw new InvalidRequestException("checkpoints", new Text("milestone.goal.checkpoints-required"));
        }
        Integer previous = null;
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            String field = "checkpoints[" + i + "]";
            if (!programme.coversFiscalYear(p.fiscalYear())) {
                throw new InvalidRequestException(field + ".fiscalYear", new Text("milestone.programme.outside",
                        Text.fiscalYear(p.fiscalYear()), programme.programmeId, Text.fiscalYear(programme.firstFiscalYear),
                        Text.fiscalYear(programme.lastFiscalYear)));
            }
            if (previous != null && p.fiscalYear() <= previous) {
                throw new InvalidRequestException(field + ".fiscalYear", new Text("milestone.goal.checkpoints-order",
                        Text.fiscalYear(p.fiscalYear()), Text.fiscalYear(previous)));
            }
            checkpoints.add(new Checkpoint(p.fiscalYear(), nonNegative(field + ".target", p.target())));
            previous = p.fiscalYear();
        }
    }

    private void setFinal(Integer fiscalYear, LocalDate date) {
        int lastCheckpoint = checkpoints.get(checkpoints.size() - 1).fiscalYear;
        if (fiscalYear != null && date != null) {
            throw new InvalidRequestException("finalDate", new Text("milestone.goal.final-both"));
        }
        if (fiscalYear == null && date == null) {
            throw new InvalidRequestException("finalFiscalYear", new Text("milestone.goal.final-required"));
        }
        if (fiscalYear != null && fiscalYear < lastCheckpoint) {
            throw new InvalidRequestException("finalFiscalYear", new Text("milestone.goal.final-year-early",
                    Text.fiscalYear(fiscalYear), Text.fiscalYear(lastCheckpoint)));
        }
        if (date != null && FiscalYear.of(date) < lastCheckpoint) {
            throw new InvalidRequestException("finalDate", new Text("milestone.goal.final-date-early", date,
                    Text.fiscalYear(FiscalYear.of(date)), Text.fiscalYear(lastCheckpoint)));
        }
        finalFiscalYear = fiscalYear;
        finalDate = date;
    }

    private void setSectors(List<String> named) {
        Set<String> seen = new HashSet<>();
        for (String sector : named == null ? List.<String>of() : named) {
            String tag = sector == null ? "" : sector.strip();
            if (tag.isEmpty()) {
                throw new InvalidRequestException("sectors", new Text("milestone.goal.blank-sector"));
            }
            if (!seen.add(tag)) {
                throw new InvalidRequestException("sectors", new Text("milestone.goal.sector-twice", tag));
            }
            sectors.add(tag);
        }
    }

    private static BigDecimal nonNegative(String field, BigDecimal value) {
        BigDecimal exact = Decimals.exact(field, value);
        if (exact.signum() < 0) {
            throw new InvalidRequestException(field, new Text("milestone.goal.negative"));
        }
        return exact;
    }

    /** The target of one fiscal year of the trajectory. */
    @Embeddable
    public static class Checkpoint {
        @Column(name = "fiscal_year")
        public int fiscalYear;
        public BigDecimal target;

        public Checkpoint() {
        }

        Checkpoint(int fiscalYear, BigDecimal target) {
            this.fiscalYear = fiscalYear;
            this.target = target;
        }
    }
}
