package jp.go.meti.aifund.funding.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.domain.Money;
import jp.go.meti.aifund.funding.domain.StatutoryInterest;
import jp.go.meti.aifund.funding.domain.TrancheAction;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.aggregate.ReturnOrder;
import jp.go.meti.aifund.funding.repository.ReturnOrderRepository;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.Views.ReturnOrderView;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.platform.rest.ETags;

/**
 * Return orders on disbursed money (clawback) with statutory interest ({@link StatutoryInterest}):
 * the order names the amount and a deadline; settling it records the repayment (the amount returns
 * to the headroom, a ledger entry) and the interest and late interest owed, computed to the day.
 */
@ApplicationScoped
public class ReturnOrders {

    public record Issue(@NotNull @Positive @Max(Money.MAX_CEILING) Long amount, @NotNull LocalDate deadline,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record Settle(@NotNull LocalDate repaidOn) {
    }

    private final ProgrammeRepository programmes;
    private final TrancheRepository tranches;
    private final ReturnOrderRepository orders;
    private final TrancheService trancheService;
    private final TrancheQueries queries;
    private final Clock clock;
    private final ETags etags;

    public ReturnOrders(ProgrammeRepository programmes, TrancheRepository tranches, ReturnOrderRepository orders,
            TrancheService trancheService, TrancheQueries queries, Clock clock, ETags etags) {
        this.etags = etags;
        this.programmes = programmes;
        this.tranches = tranches;
        this.orders = orders;
        this.trancheService = trancheService;
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional
    @Audited(value = "return-order.issued", subject = 1)
    public ReturnOrderView issue(UUID programmeId, UUID trancheId, @Valid Issue command, String actor) {
        programmes.lock(programmeId);
        Tranche t = tranches.get(programmeId, trancheId);
        if (t.state != TrancheState.DISBURSED && t.state != TrancheState.RECOVERED) {
            throw new ConflictException("only disbursed money can be ordered back; this tranche is " + t.state);
        }
        long outstanding = t.amount - t.recoveredAmount - orders.list("trancheId = ?1 and state = ?2", trancheId,
                ReturnOrder.OPEN).stream().mapToLong(o -> o.amount).sum();
        if (command.amount() > outstanding) {
            throw new InvalidRequestException("amount", String.format(
                    "exceeds the ¥%,d disbursed and neither recovered nor already ordered back", outstanding));
        }
        ReturnOrder o = new ReturnOrder();
        o.id = UUID.randomUUID();
        o.programmeId = programmeId;
        o.trancheId = trancheId;
        o.amount = command.amount();
        o.receivedOn = t.disbursedOn;
        o.deadline = command.deadline();
        o.reason = command.reason().strip();
        o.issuedBy = actor;
        o.issuedAt = clock.instant();
        o.state = ReturnOrder.OPEN;
        o.interestIfRepaidOn(o.deadline); // refuses a deadline before the money was received
        orders.persist(o);
        return view(o);
    }

    /** The repayment: the amount back to the headroom, the interest owed on record. */
    @Transactional
    @Audited(value = "return-order.settled", subject = 1)
    public ReturnOrderView settle(UUID programmeId, UUID trancheId, UUID orderId, @Valid Settle command, String actor,
            String ifMatch) {
        programmes.lock(programmeId);
        ReturnOrder o = ofTranche(programmeId, trancheId, orderId);
        etags.require(ifMatch, view(o));
        if (!ReturnOrder.OPEN.equals(o.state)) {
            throw new ConflictException("return order " + orderId + " is already settled");
        }
        if (command.repaidOn().isAfter(FiscalYear.today(clock))) {
            throw new InvalidRequestException("repaidOn", "is in the future");
        }
        StatutoryInterest interest = o.interestIfRepaidOn(command.repaidOn());
        o.state = ReturnOrder.SETTLED;
        o.repaidOn = command.repaidOn();
        o.interest = interest.interest();
        o.lateInterest = interest.lateInterest();
        o.settledBy = actor;
        o.settledAt = clock.instant();
        trancheService.decided(programmeId, o.trancheId, TrancheAction.RECOVER, o.amount, actor, String.format(
                "return order %s repaid on %s: ¥%,d, with interest ¥%,d (%d days) and late interest ¥%,d (%d days) "
                        + "at 10.95 %% a year; %s", o.id, o.repaidOn, o.amount, o.interest, interest.interestDays(),
                o.lateInterest, interest.lateDays(), o.reason));
        return view(o);
    }

    public ReturnOrderView get(UUID programmeId, UUID trancheId, UUID orderId, Optional<Set<UUID>> actsFor) {
        queries.visible(programmeId, trancheId, actsFor);
        return view(ofTranche(programmeId, trancheId, orderId));
    }

    private ReturnOrder ofTranche(UUID programmeId, UUID trancheId, UUID orderId) {
        ReturnOrder o = orders.get(programmeId, orderId);
        if (!o.trancheId.equals(trancheId)) {
            throw new NotFoundException("return order of tranche " + trancheId, orderId);
        }
        return o;
    }

    public List<ReturnOrderView> ofTranche(UUID programmeId, UUID trancheId, Optional<Set<UUID>> actsFor) {
        queries.visible(programmeId, trancheId, actsFor);
        return orders.list("trancheId", Sort.by("issuedAt"), trancheId).stream().map(this::view).toList();
    }

    /** An open order shows the interest owed if it were repaid today. */
    private ReturnOrderView view(ReturnOrder o) {
        LocalDate asOf = o.repaidOn != null ? o.repaidOn : FiscalYear.today(clock);
        return ReturnOrderView.of(o, o.interestIfRepaidOn(asOf.isBefore(o.receivedOn) ? o.receivedOn : asOf), asOf);
    }
}
