package jp.go.meti.aifund.funding.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jp.go.meti.aifund.funding.aggregate.ReturnOrder;
import jp.go.meti.aifund.funding.domain.ReturnOrderState;
import jp.go.meti.aifund.kernel.NotFoundException;

@ApplicationScoped
public class ReturnOrderRepository implements PanacheRepositoryBase<ReturnOrder, UUID> {

    /** What the open orders on a tranche order back, in yen. */
    public long openAmount(UUID trancheId) {
        return list("trancheId = ?1 and state = ?2", trancheId, ReturnOrderState.OPEN).stream().mapToLong(o -> o.amount)
                .sum();
    }

    /** What the open orders of a programme order back, by tranche, in yen. */
    public java.util.Map<UUID, Long> openAmounts(UUID programmeId) {
        return list("programmeId = ?1 and state = ?2", programmeId, ReturnOrderState.OPEN).stream()
                .collect(java.util.stream.Collectors.groupingBy(o -> o.trancheId,
                        java.util.stream.Collectors.summingLong(o -> o.amount)));
    }

    public ReturnOrder get(UUID programmeId, UUID id) {
        return find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("return order", id));
    }
}
