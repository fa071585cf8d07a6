package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.repository.MilestoneRepository;
import jp.go.meti.aifund.milestone.repository.ResultRepository;
import jp.go.meti.aifund.milestone.service.MilestoneCommands.MilestoneDefinition;
import jp.go.meti.aifund.milestone.service.Views.MilestoneView;
import jp.go.meti.aifund.milestone.service.Views.YearPlan;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.ReviewDeadline;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.scoring.Kpi;
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
    private final ProgrammeCopies programmes;
    private final ReviewDeadline deadline;
    private final Clock clock;
    private final ETags etags;

    public MilestoneService(MilestoneRepository milestones, ResultRepository results, ProgrammeCopies programmes,
            ReviewDeadline deadline, Clock clock, ETags etags) {
        this.etags = etags;
        this.milestones = milestones;
        this.results = results;
        this.programmes = programmes;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Transactional
    @Audited("milestone.defined")
    public MilestoneView define(UUID programmeId, int fiscalYear, MilestoneDefinition definition, String actor) {
        programmes.requireFiscalYear(programmeId, fiscalYear);
        requireRecipient(programmeId, definition);
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.programmeId = programmeId;
        m.fiscalYear = fiscalYear;
        m.code = definition.code();
        m.version = 1;
        requireWeightRoom(programmeId, fiscalYear, null, definition.weightBasisPoints());
        apply(m, definition, actor);
        milestones.persist(m);
        return MilestoneView.of(m);
    }

    /** The milestone as redefined: the same version if no result refers to it yet, else a new one. */
    @Transactional
    @Audited("milestone.redefined")
    public MilestoneView redefine(UUID id, MilestoneDefinition definition, String actor, String ifMatch) {
        Milestone current = milestones.lock(id);
        etags.require(ifMatch, MilestoneView.of(current));
        if (!current.code.equals(definition.code())) {
            throw new InvalidRequestException("code", "cannot change (it is " + current.code
                    + "); define a new milestone instead");
        }
        if (current.supersededBy != null) {
            throw new ConflictException("milestone " + current.code + " v" + current.version
                    + " was superseded by " + current.supersededBy + "; edit the current version");
        }
        requireRecipient(current.programmeId, definition);
        requireWeightRoom(current.programmeId, current.fiscalYear, current.code, definition.weightBasisPoints());
        if (!results.anyFor(current.id)) {
            apply(current, definition, actor);
            return MilestoneView.of(current);
        }
        Milestone next = new Milestone();
        next.id = UUID.randomUUID();
        next.programmeId = current.programmeId;
        next.fiscalYear = current.fiscalYear;
        next.code = current.code;
        next.version = current.version + 1;
        apply(next, definition, actor);
        current.supersededBy = next.id;
        milestones.flush(); // the old version leaves the "one current version per code" index first
        milestones.persist(next);
        return MilestoneView.of(next);
    }

    @Transactional
    @Audited("milestone.removed")
    public void remove(UUID id) {
        Milestone m = milestones.lock(id);
        if (results.anyFor(id) || m.supersededBy != null || m.version > 1) {
            throw new ConflictException("milestone " + m.code + " v" + m.version
                    + " has been assessed or revised and stays on record; set its definition instead");
        }
        milestones.delete(m);
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

    /** A year's weights may be incomplete while it is planned, never over 100 %. */
    private void requireWeightRoom(UUID programmeId, int fiscalYear, String replacedCode, int weight) {
        long others = Weights.total(milestones.current(programmeId, fiscalYear).stream()
                .filter(m -> !m.code.equals(replacedCode)).map(m -> m.weightBasisPoints).toList());
        if (others + weight > Weights.FULL) {
            throw new InvalidRequestException("weightBasisPoints", "would bring the weights of FY" + fiscalYear
                    + " to " + Weights.percent(others + weight) + "; they may add up to 100.00 % at most");
        }
    }

    private void apply(Milestone m, MilestoneDefinition d, String actor) {
        Kpi kpi = new Kpi(d.direction(), d.target(), d.threshold()); // refuses a threshold on the wrong side
        m.title = d.title().strip();
        m.metric = d.metric().strip();
        m.unit = d.unit().strip();
        m.direction = kpi.direction();
        m.target = kpi.target();
        m.threshold = kpi.threshold();
        m.weightBasisPoints = d.weightBasisPoints();
        m.critical = d.critical();
        m.recipientId = d.recipientId();
        m.createdBy = actor;
        m.createdAt = clock.instant();
    }
}
