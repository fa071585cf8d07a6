package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.milestone.aggregate.Goal;
import jp.go.meti.aifund.milestone.repository.GoalRepository;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.service.GoalCommands.GoalDefinition;
import jp.go.meti.aifund.milestone.service.Views.GoalView;
import jp.go.meti.aifund.milestone.service.Views.TrajectoryPoint;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.platform.rest.Page;

/**
 * A programme's goals that span years, and their trajectories: each checkpoint year's actual is the
 * standing result (of the finalized review no amendment replaced) of the year's milestone that
 * implements it.
 */
@ApplicationScoped
public class GoalService {

    private final GoalRepository goals;
    private final ResultRepository results;
    private final ProgrammeCopies programmes;
    private final Clock clock;

    public GoalService(GoalRepository goals, ResultRepository results, ProgrammeCopies programmes, Clock clock) {
        this.goals = goals;
        this.results = results;
        this.programmes = programmes;
        this.clock = clock;
    }

    @Transactional
    @Audited("goal.defined")
    public GoalView define(UUID programmeId, GoalDefinition d, String actor) {
        Goal goal = Goal.define(programmes.require(programmeId), d.code(), new Goal.Terms(d.title(), d.metric(),
                d.unit(), d.direction(), d.finalTarget(), d.finalThreshold(), d.finalFiscalYear(), d.finalDate(),
                d.sectors(), d.checkpoints().stream().map(c -> new Goal.Planned(c.fiscalYear(), c.target())).toList()),
                actor, clock.instant());
        goals.persist(goal);
        goals.flush(); // a code the programme already has fails here, on the unique constraint
        return GoalView.of(goal, goal.checkpoints.stream().map(TrajectoryPoint::planned).toList()); // no result yet
    }

    public Page<GoalView> search(UUID programmeId, int page, int size) {
        programmes.require(programmeId);
        return Page.of(goals.ofProgramme(programmeId), page, size, GoalView::summary);
    }

    public GoalView get(UUID programmeId, UUID goalId) {
        programmes.require(programmeId);
        return trajectory(goals.get(programmeId, goalId));
    }

    private GoalView trajectory(Goal goal) {
        Map<Integer, ResultRepository.Standing> actuals = results.standingFor(goal.id).stream()
                .collect(Collectors.toMap(ResultRepository.Standing::fiscalYear, Function.identity()));
        List<TrajectoryPoint> points = goal.checkpoints.stream().map(c -> actuals.containsKey(c.fiscalYear)
                ? TrajectoryPoint.measured(c, goal, actuals.get(c.fiscalYear)) : TrajectoryPoint.planned(c)).toList();
        return GoalView.of(goal, points);
    }
}
