package jp.go.meti.aifund.funding.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.aggregate.LedgerEntry;
import jp.go.meti.aifund.funding.domain.LedgerKind;

@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, Long> {

    public PanacheQuery<LedgerEntry> ofProgramme(UUID programmeId, UUID trancheId) {
        return trancheId == null
                ? find("programmeId", Sort.by("id"), programmeId)
                : find("programmeId = ?1 and trancheId = ?2", Sort.by("id"), programmeId, trancheId);
    }

    /**
     * What one recorded decision took from {@code trancheIds}: their reductions and cancellations whose
     * reason begins with the decision's record ({@code record}), oldest first.
     */
    public List<LedgerEntry> takenBy(UUID programmeId, String record, Collection<UUID> trancheIds) {
        return trancheIds.isEmpty() ? List.of() : list("programmeId = ?1 and trancheId in ?2 and kind in ?3",
                Sort.by("id"), programmeId, trancheIds, List.of(LedgerKind.TRANCHE_REDUCED, LedgerKind.TRANCHE_CANCELLED))
                .stream().filter(e -> e.reason.startsWith(record)).toList();
    }

    /** The hash of the programme's latest entry; the caller holds the programme's row lock. */
    public String lastHash(UUID programmeId) {
        return latest(programmeId).map(e -> e.hash).orElse(jp.go.meti.aifund.kernel.AuditChain.GENESIS);
    }

    /** The programme's latest entry: its amounts now are those after it. */
    public java.util.Optional<LedgerEntry> latest(UUID programmeId) {
        return find("programmeId", Sort.descending("id"), programmeId).firstResultOptional();
    }
}
