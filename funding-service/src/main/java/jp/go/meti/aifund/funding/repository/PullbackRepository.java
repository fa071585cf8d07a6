package jp.go.meti.aifund.funding.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jp.go.meti.aifund.funding.aggregate.Pullback;
import jp.go.meti.aifund.kernel.NotFoundException;

@ApplicationScoped
public class PullbackRepository implements PanacheRepositoryBase<Pullback, UUID> {

    public Pullback get(UUID programmeId, UUID id) {
        return find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("pullback recommendation", id));
    }
}
