package jp.go.meti.aifund.notification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.go.meti.aifund.contracts.review.ReviewAssessedMilestone;
import jp.go.meti.aifund.contracts.review.ReviewData;
import jp.go.meti.aifund.contracts.review.ReviewGoal;
import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.domain.WarningState;
import jp.go.meti.aifund.notification.repository.ReadModel;
import jp.go.meti.aifund.notification.repository.ReadModel.HeldTranche;
import jp.go.meti.aifund.notification.repository.ReadModel.ProgrammeFigures;
import jp.go.meti.aifund.notification.repository.ReadModel.ProgrammeCopy;
import jp.go.meti.aifund.notification.repository.ReadModel.ReviewCopy;
import jp.go.meti.aifund.notification.repository.ReadModel.ReviewLine;
import jp.go.meti.aifund.notification.repository.ReadModel.TrancheGroup;
import jp.go.meti.aifund.notification.aggregate.Warning;
import jp.go.meti.aifund.notification.repository.WarningRepository;
import jp.go.meti.aifund.kernel.LargestRemainder.Share;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.kernel.Text;

/** What a programme officer sees at a glance, from this service's read model. */
@ApplicationScoped
public class Dashboard {

    /**
     * One programme; {@code utilizationBasisPoints} is what the ceiling holds (ceiling − headroom:
     * committed and paid money, less returned money re-appropriated) over the ceiling, rounded down
     * (display only); {@code asOf} is when this service last learnt of a change.
     */
    public record ProgrammeBoard(Figures totals, Programme programme, int utilizationBasisPoints, Instant asOf,
            List<Tranches> tranches, List<Held> held, List<Review> reviews, Map<Severity, Long> openWarnings,
            List<Goal> goals) {
    }

    /**
     * A goal that spans years, as the standing finalized reviews carry it: its final target and, for
     * each reviewed year whose milestone implements a checkpoint, the plan, the actual and where the
     * actual projects the goal (decimal strings, as the review events carry them).
     */
    public record Goal(UUID goalId, String code, String title, String unit, String direction, String finalTarget,
            Long finalFiscalYear, LocalDate finalDate, List<GoalPoint> points) {
    }

    public record GoalPoint(int fiscalYear, String checkpointTarget, String actual, String projectedFinal,
            Boolean onTrack) {
    }

    /** A programme's totals in yen, as the latest tranche or programme event gave them, and its name once known. */
    public record Figures(UUID programmeId, String name, long ceiling, long planned, long committed, long disbursed,
            long recovered, long headroom) {
    }

    /**
     * The programme as funding-service describes it (null until its first programme event arrives);
     * {@code state}: ACTIVE, CLOSED by its final settlement, or TERMINATED.
     */
    public record Programme(String name, int firstFiscalYear, int lastFiscalYear, String state,
            List<Envelope> envelopes, Consortium consortium) {
    }

    /**
     * The consortium over time: the shares in force from each date, oldest first (the founding
     * shares first, {@code effectiveFrom} null), and the members announced but in no table yet.
     */
    public record Consortium(List<SharesFrom> tables, List<String> prospective) {
    }

    public record SharesFrom(LocalDate effectiveFrom, List<MemberShare> shares) {
    }

    public record MemberShare(String name, int shareBasisPoints) {
    }

    /**
     * A fiscal year's budget ({@code amount}: as planned, plus carried in and re-appropriated, less
     * carried out and lapsed) and when it was closed, null while open; its committed and disbursed
     * figures are in the totals and tranches.
     */
    public record Envelope(int fiscalYear, long amount, long carriedIn, long carriedOut, long reappropriated,
            long lapsed, Instant closedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true) // the copy also keeps each recipient's role and consortium
    private record Named(UUID recipientId, String name) {
    }

    public record Tranches(int fiscalYear, String state, long count, long amount) {

        static Tranches of(TrancheGroup g) {
            return new Tranches(g.fiscalYear(), g.state(), g.count(), g.amount());
        }
    }

    /**
     * A tranche on hold: why (the reason recorded when it was held) and since when; the decision it
     * waits for is a ministry's (lift, reduce or cancel); {@code recommendation} is the pullback
     * warning on the review that gates it, with the reduction this service recommended.
     */
    public record Held(UUID trancheId, int fiscalYear, UUID recipientId, String recipientName, long amount,
            String reason, Instant since, Recommendation recommendation) {
    }

    public record Recommendation(UUID warningId, WarningKind kind, WarningState state, String title, long reduction) {
    }

    public record Review(int fiscalYear, int revision, String state, int scoreBasisPoints, String outcome,
            boolean superseded) {

        static Review of(ReviewLine r) {
            return new Review(r.fiscalYear(), r.revision(), r.state(), r.scoreBasisPoints(), r.outcome(), r.superseded());
        }
    }

    private final ReadModel readModel;
    private final WarningRepository warnings;
    private final ObjectMapper json;

    public Dashboard(ReadModel readModel, WarningRepository warnings, ObjectMapper json) {
        this.readModel = readModel;
        this.warnings = warnings;
        this.json = json;
    }

    public List<Figures> programmes() {
        Map<UUID, String> names = readModel.programmeNames();
        return readModel.programmes().stream().map(f -> figures(f, names.get(f.programmeId()))).toList();
    }

    /** The board of a programme; the titles of the warnings it names in {@code language}. */
    public ProgrammeBoard programme(UUID programmeId, Locale language) {
        ProgrammeFigures totals = readModel.programmes().stream().filter(p -> p.programmeId().equals(programmeId))
                .findFirst().orElseThrow(() -> new NotFoundException(
                        new Text.Noun("notification", "programme-without-events"), programmeId));
        Optional<ProgrammeCopy> copy = readModel.programme(programmeId);
        Map<Severity, Long> open = new TreeMap<>();
        for (Severity s : Severity.values()) {
            open.put(s, warnings.count("programmeId = ?1 and severity = ?2 and state <> ?3", programmeId, s,
                    WarningState.RESOLVED));
        }
        Map<UUID, String> names = new TreeMap<>();
        copy.ifPresent(c -> recipients(c).forEach(r -> names.put(r.recipientId(), r.name())));
        readModel.members(programmeId).forEach((Share m) -> names.putIfAbsent(m.recipientId(), m.name()));
        List<Held> held = readModel.heldTranches(programmeId).stream()
                .map(h -> new Held(h.trancheId(), h.fiscalYear(), h.recipientId(), names.get(h.recipientId()),
                        h.amount(), h.reason(), h.since(), recommendation(programmeId, h, language))).toList();
        return new ProgrammeBoard(figures(totals, copy.map(ProgrammeCopy::name).orElse(null)),
                copy.map(c -> new Programme(c.name(), c.firstFiscalYear(), c.lastFiscalYear(), c.state(),
                        envelopes(c), consortium(c)))
                        .orElse(null),
                utilization(totals), readModel.asOf(programmeId),
                readModel.tranchesByYearAndState(programmeId).stream().map(Tranches::of).toList(), held,
                readModel.reviewLines(programmeId).stream().map(Review::of).toList(), open, goals(programmeId));
    }

    private List<Goal> goals(UUID programmeId) {
        Map<UUID, Goal> goals = new LinkedHashMap<>();
        for (ReviewCopy review : readModel.standingReviews(programmeId)) {
            for (ReviewAssessedMilestone m : data(review).getMilestones()) {
                ReviewGoal g = m.getGoal();
                if (g == null) {
                    continue;
                }
                Goal goal = goals.computeIfAbsent(g.getGoalId(), id -> new Goal(id, g.getCode(), g.getTitle(),
                        g.getUnit(), g.getDirection().value(), g.getFinalTarget(), g.getFinalFiscalYear(),
                        g.getFinalDate(), new ArrayList<>()));
                goal.points().add(new GoalPoint(review.fiscalYear(), g.getCheckpointTarget(), m.getActual(),
                        g.getProjectedFinal(), g.getOnTrack()));
            }
        }
        return List.copyOf(goals.values());
    }

    private ReviewData data(ReviewCopy review) {
        try {
            return json.readValue(review.data(), ReviewData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("review " + review.reviewId() + " is not readable", e);
        }
    }

    /** Exposure over the ceiling in basis points, rounded down: a displayed figure, never money. */
    static int utilization(ProgrammeFigures f) {
        long exposure = f.ceiling() - f.headroom(); // money returned to the treasury no longer counts as headroom
        return f.ceiling() == 0 ? 0 : (int) Math.floorDiv(Math.multiplyExact(exposure, 10_000L), f.ceiling());
    }

    private Recommendation recommendation(UUID programmeId, HeldTranche h, Locale language) {
        if (h.gatedByReviewYear() == null) {
            return null;
        }
        return warnings.list("programmeId = ?1 and fiscalYear = ?2 and kind = ?3 order by createdAt desc", programmeId,
                h.gatedByReviewYear(), WarningKind.PULLBACK_RECOMMENDED).stream().findFirst()
                .map(w -> new Recommendation(w.id, w.kind, w.state, Views.WarningView.of(w, language).title(), reduction(w)))
                .orElse(null);
    }

    private long reduction(Warning w) {
        try {
            return w.figures == null ? 0 : json.readTree(w.figures).path("amount").asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the figures of warning " + w.id + " are not readable", e);
        }
    }

    private Consortium consortium(ProgrammeCopy c) {
        try {
            return json.readValue(c.consortium(), Consortium.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the consortium of programme " + c.programmeId() + " is not readable", e);
        }
    }

    private List<Envelope> envelopes(ProgrammeCopy c) {
        try {
            return List.of(json.readValue(c.envelopes(), Envelope[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the envelopes of programme " + c.programmeId() + " are not readable", e);
        }
    }

    private List<Named> recipients(ProgrammeCopy c) {
        try {
            return List.of(json.readValue(c.recipients(), Named[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recipients of programme " + c.programmeId() + " are not readable", e);
        }
    }

    private static Figures figures(ProgrammeFigures f, String name) {
        return new Figures(f.programmeId(), name, f.ceiling(), f.planned(), f.committed(), f.disbursed(), f.recovered(),
                f.headroom());
    }
}
