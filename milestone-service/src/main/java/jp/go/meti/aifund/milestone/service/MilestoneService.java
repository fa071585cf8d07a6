package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.outbound.MilestoneEvents;
import jp.go.meti.aifund.milestone.repository.GoalRepository;
import jp.go.meti.aifund.milestone.repository.MilestoneRepository;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.service.MilestoneCommands.MilestoneDefinition;
import jp.go.meti.aifund.milestone.service.Views.MilestoneView;
import jp.go.meti.aifund.milestone.service.Views.YearPlan;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.ReviewDeadline;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.scoring.Weights;

/**
 * The milestones of each fiscal year. A milestone is edited in place until a review records a
 * result against it; from then on the version is frozen (a finalized review must always read the
 * targets it was assessed against) and an edit makes a new version that supersedes it. A milestone
 * belongs to a programme and fiscal year that funding-service has (as this service's copy knows),
 * and its recipient, if it names one, is one of the programme's.
 */
@ApplicationScoped
public class MilestoneService {

    private final MilestoneRepository milestones;
    private final ResultRepository results;
    private final GoalRepository goals;
    private final ProgrammeCopies programmes;
    private final ReviewDeadline deadline;
    private final MilestoneEvents events;
    private final Clock clock;
    private final ETags etags;

    public MilestoneService(MilestoneRepository milestones, ResultRepository results, GoalRepository goals,
            ProgrammeCopies programmes, ReviewDeadline deadline, MilestoneEvents events, Clock clock, ETags etags) {
        this.etags = etags;
        this.events = events;
        this.milestones = milestones;
        this.results = results;
        this.goals = goals;
        this.programmes = programmes;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Transactional
    @Audited("milestone.defined")
    public MilestoneView define(UUID programmeId, int fiscalYear, MilestoneDefinition definition, String actor) {
        programmes.requireFiscalYear(programmeId, fiscalYear);
        requireRecipient(programmeId, definition);
        requireCheckpoint(programmeId, fiscalYear, definition);
        requireWeightRoom(programmeId, fiscalYear, null, definition.weightBasisPoints());
        Milestone m = Milestone.define(programmeId, fiscalYear, definition.code(), terms(definition), actor,
                clock.instant());
        milestones.persist(m);
        events.defined(m, null, m.createdAt);
        return MilestoneView.of(m);
    }

    /** The milestone as redefined: the same version if no result refers to it yet, else a new one. */
    @Transactional
    @Audited("milestone.redefined")
    public MilestoneView redefine(UUID id, MilestoneDefinition definition, String actor, String ifMatch) {
        Milestone current = milestones.lock(id);
        etags.require(ifMatch, MilestoneView.of(current));
        current.requireRedefinableAs(definition.code());
        requireRecipient(current.programmeId, definition);
        requireCheckpoint(current.programmeId, current.fiscalYear, definition);
        requireWeightRoom(current.programmeId, current.fiscalYear, current.code, definition.weightBasisPoints());
        Optional<Milestone> next = current.redefine(definition.code(), terms(definition), results.anyFor(current.id),
                actor, clock.instant());
        if (next.isEmpty()) {
            events.defined(current, null, current.createdAt);
            return MilestoneView.of(current);
        }
        milestones.flush(); // the old version leaves the "one current version per code" index first
        milestones.persist(next.get());
        events.defined(next.get(), current, next.get().createdAt);
        return MilestoneView.of(next.get());
    }

    @Transactional
    @Audited("milestone.removed")
    public void remove(UUID id) {
        Milestone m = milestones.lock(id);
        m.requireRemovable(results.anyFor(id));
        milestones.delete(m);
        events.removed(m, clock.instant());
    }

    public MilestoneView get(UUID id) {
        return MilestoneView.of(milestones.get(id));
    }

    public YearPlan plan(UUID programmeId, int fiscalYear, boolean includeSuperseded) {
        programmes.requireFiscalYear(programmeId, fiscalYear); // a programme or year that does not exist has no plan
        List<Milestone> current = milestones.current(programmeId, fiscalYear);
        long total = Weights.total(current.stream().map(m -> m.weightBasisPoints).toList());
        List<Milestone> shown = includeSuperseded ? milestones.allVersions(programmeId, fiscalYear) : current;
        return new YearPlan(programmeId, fiscalYear, deadline.dueDate(fiscalYear), total,
                !current.isEmpty() && total == Weights.FULL, shown.stream().map(MilestoneView::of).toList());
    }

    private void requireRecipient(UUID programmeId, MilestoneDefinition definition) {
        if (definition.recipientId() != null) {
            programmes.requireRecipient(programmeId, definition.recipientId());
        }
    }

    /**
     * A milestone implementing a goal implements its checkpoint of the milestone's year, in the goal's unit
     * and direction, and is the only current milestone of that year to do so (the year's actual must be one
     * result). A refusal names {@code implementsGoal}.
     */
    private void requireCheckpoint(UUID programmeId, int fiscalYear, MilestoneDefinition definition) {
        UUID goalId = definition.implementsGoal();
        if (goalId == null) {
            return;
        }
        goals.findByIdOptional(goalId).orElseThrow(() -> new InvalidRequestException("implementsGoal",
                new Text("milestone.goal.unknown", programmeId))).requireImplementableBy(programmeId, fiscalYear,
                        definition.unit(), definition.direction());
        milestones.current(programmeId, fiscalYear).stream()
                .filter(m -> goalId.equals(m.implementsGoal) && !m.code.equals(definition.code())).findFirst()
                .ifPresent(m -> {
                    throw new InvalidRequestException("implementsGoal", new Text("milestone.goal.taken",
                            Text.fiscalYear(fiscalYear), m.code));
                });
    }

    /** A year's weights may be incomplete while it is planned, never over 100 %. */
    private void requireWeightRoom(UUID programmeId, int fiscalYear, String replacedCode, int weight) {
        long others = Weights.total(milestones.current(programmeId, fiscalYear).stream()
                .filter(m -> !m.code.equals(replacedCode)).map(m -> m.weightBasisPoints).toList());
        if (others + weight > Weights.FULL) {
            throw new InvalidRequestException("weightBasisPoints", new Text("milestone.weights.over",
                    Text.fiscalYear(fiscalYear), Weights.percent(others + weight)));
        }
    }

    private static Milestone.Terms terms(MilestoneDefinition d) {
        return new Milestone.Terms(d.title(), d.metric(), d.unit(), d.direction(), d.target(), d.threshold(),
                d.weightBasisPoints(), d.critical(), d.recipientId(), d.implementsGoal());
    }
}
