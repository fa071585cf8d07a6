package jp.go.meti.aifund.funding.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jp.go.meti.aifund.platform.domain.NotFoundException;
import jp.go.meti.aifund.funding.domain.TrancheState;

@ApplicationScoped
public class TrancheRepository implements PanacheRepositoryBase<Tranche, UUID> {

    public Tranche get(UUID programmeId, UUID id) {
        return find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("tranche", id));
    }

    public PanacheQuery<Tranche> search(UUID programmeId, Integer fiscalYear, TrancheState state, UUID recipientId) {
        StringBuilder query = new StringBuilder("programmeId = :programme");
        Map<String, Object> params = new HashMap<>();
        params.put("programme", programmeId);
        if (fiscalYear != null) {
            query.append(" and fiscalYear = :fiscalYear");
            params.put("fiscalYear", fiscalYear);
        }
        if (state != null) {
            query.append(" and state = :state");
            params.put("state", state);
        }
        if (recipientId != null) {
            query.append(" and recipientId = :recipient");
            params.put("recipient", recipientId);
        }
        return find(query.toString(), Sort.by("fiscalYear").and("createdAt").and("id"), params);
    }
}
