package jp.go.meti.aifund.funding.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jp.go.meti.aifund.funding.domain.Exposure;
import jp.go.meti.aifund.platform.domain.FiscalYear;
import jp.go.meti.aifund.funding.domain.Gate;
import jp.go.meti.aifund.funding.domain.LedgerKind;
import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.funding.repository.Envelope;
import jp.go.meti.aifund.funding.repository.LedgerEntry;
import jp.go.meti.aifund.funding.repository.Programme;
import jp.go.meti.aifund.funding.repository.Recipient;
import jp.go.meti.aifund.funding.repository.Tranche;

/** What the service answers: immutable records, never entities (also stored as idempotent answers). */
public final class Views {

    private Views() {
    }

    public record ProgrammeView(UUID id, String name, String commissioningMinistry, String executingAgency,
            int firstFiscalYear, int lastFiscalYear, long ceiling, long planned, long committed,
            long disbursed, long recovered, long headroom, int utilizationBasisPoints, Instant createdAt) {

        static ProgrammeView of(Programme p) {
            Exposure e = p.exposure();
            // basis points of the ceiling in use, rounded down; ≤ 10^13 × 10^4 fits a long
            int utilization = (int) (e.outstanding() * 10_000 / p.ceiling);
            return new ProgrammeView(p.id, p.name, p.commissioningMinistry, p.executingAgency, p.firstFiscalYear,
                    p.lastFiscalYear, p.ceiling, p.planned, p.committed, p.disbursed, p.recovered, e.headroom(),
                    utilization, p.createdAt);
        }
    }

    public record EnvelopeView(int fiscalYear, LocalDate startsOn, LocalDate endsOn, long amount, long committed,
            long disbursed, long recovered, long headroom, Gate gate, String gateReason, String gateSetBy,
            Instant gateSetAt) {

        static EnvelopeView of(Envelope e) {
            return new EnvelopeView(e.fiscalYear, FiscalYear.firstDay(e.fiscalYear), FiscalYear.lastDay(e.fiscalYear),
                    e.amount, e.committed, e.disbursed, e.recovered, e.exposure().headroom(), e.gate, e.gateReason,
                    e.gateSetBy, e.gateSetAt);
        }
    }

    public record RecipientView(UUID id, String name, RecipientRole role, UUID consortiumId, Integer shareBasisPoints) {

        static RecipientView of(Recipient r) {
            return new RecipientView(r.id, r.name, r.role, r.consortiumId, r.shareBasisPoints);
        }
    }

    public record TrancheView(UUID id, UUID programmeId, int fiscalYear, UUID recipientId, String description,
            TrancheState state, TrancheState stateBeforeHold, long amount, long originalAmount, long recoveredAmount,
            Integer gatedByReviewYear, String requestedBy, String approvedBy, String disbursedBy,
            LocalDate disbursedOn, Instant createdAt, Instant updatedAt) {

        static TrancheView of(Tranche t) {
            return new TrancheView(t.id, t.programmeId, t.fiscalYear, t.recipientId, t.description, t.state,
                    t.stateBeforeHold, t.amount, t.originalAmount, t.recoveredAmount, t.gatedByReviewYear,
                    t.requestedBy, t.approvedBy, t.disbursedBy, t.disbursedOn, t.createdAt, t.updatedAt);
        }
    }

    public record LedgerEntryView(long id, UUID trancheId, Integer fiscalYear, LedgerKind kind, long amount,
            String actor, String reason, String idempotencyKey, Instant recordedAt, Amounts before, Amounts after) {

        public record Amounts(long planned, long committed, long disbursed, long recovered) {
        }

        static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.id, e.trancheId, e.fiscalYear, e.kind, e.amount, e.actor, e.reason,
                    e.idempotencyKey, e.recordedAt,
                    new Amounts(e.plannedBefore, e.committedBefore, e.disbursedBefore, e.recoveredBefore),
                    new Amounts(e.plannedAfter, e.committedAfter, e.disbursedAfter, e.recoveredAfter));
        }
    }
}
