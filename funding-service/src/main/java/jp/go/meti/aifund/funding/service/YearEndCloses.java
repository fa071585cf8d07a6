package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.aggregate.Programme.Movement;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.outbound.ProgrammeEvents;
import jp.go.meti.aifund.funding.repository.BudgetDecisionRepository;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.Views.FiscalYearReport;
import jp.go.meti.aifund.funding.service.Views.YearEndCloseView;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;

/**
 * The year-end close of each fiscal year after its 31 March ({@link Programme#close} holds the
 * rules): run by the ministry through the API or by the daily {@link YearEndSchedule}, idempotent (a closed year
 * answers its close again and moves nothing), one transaction under the programme's lock. Also the
 * year-end report: per fiscal year, what was planned, carried in and out, committed, paid,
 * recovered and lapsed, adding up exactly.
 */
@ApplicationScoped
public class YearEndCloses {

    private final ProgrammeRepository programmes;
    private final EnvelopeRepository envelopes;
    private final TrancheRepository tranches;
    private final BudgetDecisionRepository decisions;
    private final Ledger ledger;
    private final ProgrammeEvents events;
    private final ReviewGates reviews;
    private final ProgrammeEnds ends;
    private final Clock clock;

    public YearEndCloses(ProgrammeRepository programmes, EnvelopeRepository envelopes, TrancheRepository tranches,
            BudgetDecisionRepository decisions, Ledger ledger, ProgrammeEvents events, ReviewGates reviews,
            ProgrammeEnds ends, Clock clock) {
        this.reviews = reviews;
        this.ends = ends;
        this.programmes = programmes;
        this.envelopes = envelopes;
        this.tranches = tranches;
        this.decisions = decisions;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public YearEndCloseView close(UUID programmeId, int fiscalYear, String actor) {
        Programme p = programmes.lock(programmeId);
        Envelope e = envelopes.get(programmeId, fiscalYear);
        if (!e.isClosed()) {
            Instant now = clock.instant();
            List<Movement> movements = p.close(e, open(programmeId, fiscalYear),
                    decisions.carryOverPending(programmeId, fiscalYear), FiscalYear.today(clock), actor, now);
            LedgerEntry last = ledger.recordAll(p, movements, actor, "year-end close of FY" + fiscalYear, now);
            events.publish(p, ProgrammeChange.YEAR_CLOSED, last, fiscalYear, null, actor, "year-end close", now);
            if (fiscalYear == p.lastFiscalYear) { // a final review that came before the year ended settles now
                reviews.reviewOf(programmeId, fiscalYear).ifPresent(review -> ends.settleIfDue(p, review));
            }
        }
        return preview(programmeId, fiscalYear);
    }

    /** What the close did, or would do now and what stops it. */
    public YearEndCloseView preview(UUID programmeId, int fiscalYear) {
        Programme p = programmes.get(programmeId);
        Envelope e = envelopes.get(programmeId, fiscalYear);
        List<Tranche> open = open(programmeId, fiscalYear);
        boolean pending = decisions.carryOverPending(programmeId, fiscalYear);
        String refusal = null;
        try {
            p.requireClosable(e, open, pending, FiscalYear.today(clock));
        } catch (ConflictException refused) {
            refusal = e.isClosed() ? null : refused.getMessage();
        }
        return YearEndCloseView.of(e, open, pending, refusal);
    }

    public List<FiscalYearReport> report(UUID programmeId) {
        programmes.get(programmeId);
        return envelopes.ofProgramme(programmeId).stream().map(FiscalYearReport::of).toList();
    }

    private List<Tranche> open(UUID programmeId, int fiscalYear) {
        return tranches.open(programmeId, fiscalYear);
    }
}
