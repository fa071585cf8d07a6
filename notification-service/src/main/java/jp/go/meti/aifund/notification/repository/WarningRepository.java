package jp.go.meti.aifund.notification.repository;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.notification.aggregate.Warning;
import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.domain.WarningState;
import jp.go.meti.aifund.platform.repository.Filter;

@ApplicationScoped
public class WarningRepository implements PanacheRepositoryBase<Warning, UUID> {

    public Warning get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundException("warning", id));
    }

    public Warning lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new NotFoundException("warning", id));
    }

    public boolean unresolved(String dedupeKey) {
        return count("dedupeKey = ?1 and state <> ?2", dedupeKey, WarningState.RESOLVED) > 0;
    }

    /** The warnings of a recurring condition not yet resolved (one, but for a race of two raisers). */
    public List<Warning> unresolved(UUID programmeId, WarningKind kind) {
        return list("programmeId = ?1 and kind = ?2 and state <> ?3", programmeId, kind, WarningState.RESOLVED);
    }

    public List<Warning> unresolvedOf(String dedupeKey) {
        return list("dedupeKey = ?1 and state <> ?2", dedupeKey, WarningState.RESOLVED);
    }

    /**
     * {@code within}: the programmes the caller may read; {@code readers}: the recipients it reads for, of a
     * warning addressed to one (both empty: all).
     */
    public PanacheQuery<Warning> search(UUID programmeId, Integer fiscalYear, WarningKind kind, Severity severity,
            WarningState state, Optional<Set<UUID>> within, Optional<Set<UUID>> readers) {
        Filter filter = new Filter().and("programmeId", programmeId).and("fiscalYear", fiscalYear).and("kind", kind)
                .and("severity", severity).and("state", state).in("programmeId", within)
                .absentOrIn("addressedTo", readers);
        return find(filter.query(), Sort.descending("createdAt").and("id"), filter.parameters());
    }
}
