package jp.go.meti.aifund.funding.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;

/**
 * Every day (06:00 in Japan by default, {@code AIFUND_FUNDING_YEAR_END_CLOSE_CRON}; {@code off}
 * disables it) closes each fiscal year that has ended and can close, each in its own transaction;
 * one that cannot yet (an approved tranche unpaid, a carry-over awaiting its decision) is tried
 * again the next day.
 */
@ApplicationScoped
public class YearEndSchedule {

    static final String ACTOR = "funding-service (scheduled year-end close)";
    private static final Logger LOG = Logger.getLogger(YearEndSchedule.class);

    private final EnvelopeRepository envelopes;
    private final YearEndCloses closes;
    private final Clock clock;

    public YearEndSchedule(EnvelopeRepository envelopes, YearEndCloses closes, Clock clock) {
        this.envelopes = envelopes;
        this.closes = closes;
        this.clock = clock;
    }

    @Scheduled(cron = "${aifund.funding.year-end-close.cron:0 0 6 * * ?}", timeZone = "Asia/Tokyo",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void closeEndedYears() {
        int current = FiscalYear.of(FiscalYear.today(clock));
        for (Envelope e : envelopes.list("closedAt is null and fiscalYear < ?1", current)) {
            try {
                closes.close(e.programmeId, e.fiscalYear, ACTOR);
            } catch (ConflictException waiting) {
                LOG.infof("FY%d of programme %s stays open: %s", e.fiscalYear, e.programmeId, waiting.getMessage());
            }
        }
    }
}
