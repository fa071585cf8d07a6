package jp.go.meti.aifund.funding.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jp.go.meti.aifund.funding.aggregate.ReturnOrder;
import jp.go.meti.aifund.kernel.NotFoundException;

@ApplicationScoped
public class ReturnOrderRepository implements PanacheRepositoryBase<ReturnOrder, UUID> {

    public ReturnOrder get(UUID programmeId, UUID id) {
        return find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("return order", id));
    }
}
