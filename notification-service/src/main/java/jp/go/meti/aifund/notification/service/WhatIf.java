package jp.go.meti.aifund.notification.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.go.meti.aifund.contracts.review.ReviewData;
import jp.go.meti.aifund.notification.domain.PullbackPolicy;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Finding;
import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.repository.ReadModel;
import jp.go.meti.aifund.notification.repository.ReadModel.OpenTranche;
import jp.go.meti.aifund.notification.repository.ReadModel.ReviewCopy;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.scoring.Assessment;
import jp.go.meti.aifund.scoring.Direction;
import jp.go.meti.aifund.scoring.Kpi;
import jp.go.meti.aifund.scoring.Outcome;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.scoring.ReviewScoring;

/**
 * What the current policy would do with a review, without storing anything: the score and outcome
 * (by the same scoring rule as milestone-service), the warnings, the reduction and its split, and
 * the tranches it would hold. For a submitted review by id, or for a draft's results.
 */
@ApplicationScoped
public class WhatIf {

    public record DraftResult(@NotBlank @Size(max = 40) String code, @NotNull Direction direction,
            @NotNull BigDecimal target, @NotNull BigDecimal threshold, @NotNull BigDecimal actual,
            @NotNull @Min(1) @Max(10_000) Integer weightBasisPoints, @NotNull Boolean critical) {
    }

    /** Either {@code reviewId}, or {@code programmeId}, {@code fiscalYear} and the draft's {@code milestones}. */
    public record Question(UUID reviewId, UUID programmeId, @Min(2000) @Max(2100) Integer fiscalYear,
            @Valid @Size(max = 100) List<@NotNull @Valid DraftResult> milestones) {
    }

    public record Assessed(String code, Assessment assessment, int achievementBasisPoints, Ratio achievement) {
    }

    public record Warned(WarningKind kind, Severity severity, String title, String detail,
            PullbackPolicy.Reduction reduction) {
    }

    /**
     * The answer: every amount in it ({@code warnings[].reduction}, {@code tranchesToHold}) is an
     * estimate from this service's copy of funding-service's tranches as of ledger entry
     * {@code estimateAsOfLedgerEntryId}; funding-service computes the money it would act on itself.
     */
    public record Answer(UUID programmeId, int fiscalYear, String basedOn, int scoreBasisPoints, Ratio score, Outcome outcome,
            String ruleVersion, String policyVersion, List<Assessed> assessments, List<Warned> warnings,
            List<OpenTranche> tranchesToHold, Long estimateAsOfLedgerEntryId) {
    }

    private final ReadModel readModel;
    private final PullbackPolicy policy;
    private final ObjectMapper json;

    public WhatIf(ReadModel readModel, PullbackPolicy policy, ObjectMapper json) {
        this.readModel = readModel;
        this.policy = policy;
        this.json = json;
    }

    /** The answer, its warnings' titles and details in {@code language}. */
    public Answer answer(Question q, Locale language) {
        if (q.reviewId() != null) {
            ReviewCopy review = readModel.review(q.reviewId()).orElseThrow(() -> new NotFoundException(
                    new Text.Noun("notification", "submitted-review"), q.reviewId()));
            return evaluate(review.programmeId(), review.fiscalYear(), new Text("notification.what-if.review", review.reviewId(),
                    String.valueOf(review.revision()), review.state()).in(language), draftOf(review), language);
        }
        if (q.programmeId() == null || q.fiscalYear() == null || q.milestones() == null || q.milestones().isEmpty()) {
            throw new InvalidRequestException("reviewId", new Text("notification.what-if.question"));
        }
        return evaluate(q.programmeId(), q.fiscalYear(), new Text("notification.what-if.drafts").in(language), q.milestones(),
                language);
    }

    private Answer evaluate(UUID programmeId, int fiscalYear, String basedOn, List<DraftResult> results, Locale language) {
        List<Assessed> assessments = new ArrayList<>();
        List<ReviewScoring.Item> items = new ArrayList<>();
        List<String> criticalMissed = new ArrayList<>();
        for (DraftResult r : results) {
            Kpi.Result result = new Kpi(r.direction(), r.target(), r.threshold()).assess(r.actual());
            assessments.add(new Assessed(r.code(), result.assessment(), result.achievementBasisPoints(),
                    result.achievement()));
            items.add(new ReviewScoring.Item(r.code(), r.weightBasisPoints(), r.critical(), result));
            if (r.critical() && result.assessment() == Assessment.MISSED) {
                criticalMissed.add(r.code());
            }
        }
        ReviewScoring.Score score = ReviewScoring.score(items);
        Outcome previous = readModel.finalized(programmeId, fiscalYear - 1).map(r -> Outcome.valueOf(r.outcome()))
                .orElse(null);
        List<Finding> findings = policy.onReview(new PullbackPolicy.Review(null, programmeId, fiscalYear,
                score.exact(), score.outcome(), criticalMissed), previous,
                readModel.openGatedAmount(programmeId, fiscalYear), readModel.members(programmeId));
        List<Warned> warned = findings.stream().map(f -> new Warned(f.kind(), f.kind().severity(), f.title().in(language),
                f.detail().in(language), f.reduction())).toList();
        boolean pullback = findings.stream().anyMatch(f -> f.kind() == WarningKind.PULLBACK_RECOMMENDED);
        return new Answer(programmeId, fiscalYear, basedOn, score.scoreBasisPoints(), score.exact(), score.outcome(),
                score.ruleVersion(), policy.version(), assessments, warned,
                pullback ? readModel.openGatedTranches(programmeId, fiscalYear) : List.of(),
                readModel.copyPosition(programmeId));
    }

    private List<DraftResult> draftOf(ReviewCopy review) {
        try {
            return json.readValue(review.data(), ReviewData.class).getMilestones().stream()
                    .map(m -> new DraftResult(m.getCode(), Direction.valueOf(m.getDirection().value()),
                            new BigDecimal(m.getTarget()), new BigDecimal(m.getThreshold()), new BigDecimal(m.getActual()),
                            Math.toIntExact(m.getWeightBasisPoints()), m.getCritical()))
                    .toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored review " + review.reviewId() + " cannot be read", e);
        }
    }
}
