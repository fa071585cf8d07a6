package jp.go.meti.aifund.notification.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import jp.go.meti.aifund.notification.domain.PullbackPolicy;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.repository.ReadModel;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.ReviewDeadline;

/**
 * The scheduled check of review deadlines: every year that gates tranches (or has a review in
 * progress) and has no finalized review gets a reminder within the lead time and a warning once
 * overdue, each raised once; both are resolved when the review is finalized.
 */
@ApplicationScoped
public class DeadlineCheck {

    private final ReadModel readModel;
    private final PullbackPolicy policy;
    private final Warnings warnings;
    private final ReviewDeadline deadline;
    private final Clock clock;

    public DeadlineCheck(ReadModel readModel, PullbackPolicy policy, Warnings warnings, ReviewDeadline deadline,
            Clock clock) {
        this.readModel = readModel;
        this.policy = policy;
        this.warnings = warnings;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Scheduled(every = "${aifund.notification.deadline-check-every:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(FiscalYear.today(clock));
    }

    @Transactional
    public void run(LocalDate today) {
        for (Object[] year : readModel.yearsOwingAReview()) {
            UUID programmeId = (UUID) year[0];
            int fiscalYear = ((Number) year[1]).intValue();
            if (readModel.finalized(programmeId, fiscalYear).isPresent()) {
                continue;
            }
            LocalDate due = readModel.submitted(programmeId, fiscalYear).map(ReadModel.ReviewCopy::dueDate)
                    .orElse(deadline.dueDate(fiscalYear));
            policy.onDeadline(fiscalYear, due, today).ifPresent(finding -> warnings.raise(finding, programmeId,
                    List.of(), key(finding.kind(), programmeId, fiscalYear)));
        }
    }

    /** A finalized review ends its year's reminder and overdue warning. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolveFor(UUID programmeId, int fiscalYear) {
        for (WarningKind kind : List.of(WarningKind.REVIEW_DUE_SOON, WarningKind.REVIEW_OVERDUE)) {
            warnings.resolveAll(key(kind, programmeId, fiscalYear), "the review of FY" + fiscalYear + " was finalized");
        }
    }

    private static String key(WarningKind kind, UUID programmeId, int fiscalYear) {
        return kind + ":" + programmeId + ":" + fiscalYear;
    }
}
