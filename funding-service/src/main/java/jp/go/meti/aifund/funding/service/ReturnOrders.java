package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.domain.ReturnOrderState;
import jp.go.meti.aifund.funding.domain.StatutoryInterest;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.repository.EnvelopeRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.aggregate.ReturnOrder;
import jp.go.meti.aifund.funding.repository.ReturnOrderRepository;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.Views.ReturnOrderView;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.platform.rest.ETags;

/**
 * Return orders on disbursed money (clawback) with statutory interest ({@link StatutoryInterest}):
 * the order names the amount and a deadline (issued by a confirmed {@link TrancheDecisions} decision,
 * after the recipient was heard, or by the programme's end); settling it records the repayment (the amount returns
 * to the treasury, a ledger entry) and the interest and late interest owed, computed to the day.
 */
@ApplicationScoped
public class ReturnOrders {

    public record Settle(@NotNull LocalDate repaidOn) {
    }

    private final ProgrammeRepository programmes;
    private final TrancheRepository tranches;
    private final ReturnOrderRepository orders;
    private final EnvelopeRepository envelopes;
    private final Ledger ledger;
    private final TrancheQueries queries;
    private final Clock clock;
    private final ETags etags;

    public ReturnOrders(ProgrammeRepository programmes, TrancheRepository tranches, ReturnOrderRepository orders,
            EnvelopeRepository envelopes, Ledger ledger, TrancheQueries queries, Clock clock, ETags etags) {
        this.etags = etags;
        this.programmes = programmes;
        this.tranches = tranches;
        this.orders = orders;
        this.envelopes = envelopes;
        this.ledger = ledger;
        this.queries = queries;
        this.clock = clock;
    }

    /** The repayment: the amount back to the treasury, the interest owed on record. */
    @Transactional
    @Audited(value = "return-order.settled", subject = 1)
    public ReturnOrderView settle(UUID programmeId, UUID trancheId, UUID orderId, @Valid Settle command, String actor,
            String ifMatch) {
        Programme p = programmes.lock(programmeId);
        ReturnOrder o = ofTranche(programmeId, trancheId, orderId);
        etags.require(ifMatch, view(o));
        Instant now = clock.instant();
        StatutoryInterest owed = o.settle(command.repaidOn(), FiscalYear.today(clock), actor, now);
        Tranche t = tranches.get(programmeId, o.trancheId);
        ledger.record(p, p.recover(t, envelopes.get(programmeId, t.fiscalYear), o.amount, now), actor,
                o.repaymentRecord(owed), null, now);
        return view(o);
    }

    public ReturnOrderView get(UUID programmeId, UUID trancheId, UUID orderId, Optional<Set<UUID>> actsFor) {
        queries.visible(programmeId, trancheId, actsFor);
        return view(ofTranche(programmeId, trancheId, orderId));
    }

    private ReturnOrder ofTranche(UUID programmeId, UUID trancheId, UUID orderId) {
        ReturnOrder o = orders.get(programmeId, orderId);
        if (!o.trancheId.equals(trancheId)) {
            throw new NotFoundException("return order", orderId); // of another tranche: as if it did not exist
        }
        return o;
    }

    public List<ReturnOrderView> ofTranche(UUID programmeId, UUID trancheId, Optional<Set<UUID>> actsFor) {
        queries.visible(programmeId, trancheId, actsFor);
        return orders.list("trancheId", Sort.by("issuedAt"), trancheId).stream().map(this::view).toList();
    }

    /** An open order shows the interest owed if it were repaid today; an annulled one, nothing owed. */
    private ReturnOrderView view(ReturnOrder o) {
        LocalDate asOf = o.repaidOn != null ? o.repaidOn
                : o.state == ReturnOrderState.ANNULLED ? o.receivedOn : FiscalYear.today(clock);
        return ReturnOrderView.of(o, o.interestIfRepaidOn(asOf.isBefore(o.receivedOn) ? o.receivedOn : asOf), asOf);
    }
}
