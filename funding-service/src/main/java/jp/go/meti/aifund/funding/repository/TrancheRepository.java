package jp.go.meti.aifund.funding.repository;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.platform.repository.Filter;

@ApplicationScoped
public class TrancheRepository implements PanacheRepositoryBase<Tranche, UUID> {

    public Tranche get(UUID programmeId, UUID id) {
        return find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("tranche", id));
    }

    /** Money paid net of recovered, by fiscal year and recipient: rows of (fiscal year, recipient id, yen). */
    public List<Paid> paid(UUID programmeId) {
        return getEntityManager().createQuery("select new " + Paid.class.getName() + "(t.fiscalYear, t.recipientId, "
                + "sum(t.amount - t.recoveredAmount)) from Tranche t where t.programmeId = ?1 and t.disbursedOn is not null "
                + "group by t.fiscalYear, t.recipientId order by t.fiscalYear", Paid.class)
                .setParameter(1, programmeId).getResultList();
    }

    public record Paid(int fiscalYear, UUID recipientId, long amount) {
    }

    /** {@code recipientIds}, when given, limits the result to those recipients' tranches. */
    public PanacheQuery<Tranche> search(UUID programmeId, Integer fiscalYear, TrancheState state, UUID recipientId,
            Optional<Set<UUID>> recipientIds) {
        Filter filter = new Filter().and("programmeId", programmeId).and("fiscalYear", fiscalYear).and("state", state)
                .and("recipientId", recipientId).in("recipientId", recipientIds);
        return find(filter.query(), Sort.by("fiscalYear").and("createdAt").and("id"), filter.parameters());
    }

    /** The tranches not yet paid nor cancelled, of one fiscal year or (null) all, oldest first. */
    public List<Tranche> open(UUID programmeId, Integer fiscalYear) {
        Filter filter = new Filter().and("programmeId", programmeId).and("fiscalYear", fiscalYear);
        return list(filter.query(), Sort.by("createdAt").and("id"), filter.parameters()).stream()
                .filter(t -> t.state.isOpen()).toList();
    }

    /** The tranches that paid money out, oldest first. */
    public List<Tranche> paidOut(UUID programmeId) {
        return list("programmeId = ?1 and disbursedOn is not null", Sort.by("createdAt").and("id"), programmeId);
    }

    /** A result-linked allocation's tranches, the one planned with it first. */
    public List<Tranche> ofResultLink(UUID resultLinkId) {
        return list("resultLinkId", Sort.by("createdAt").and("id"), resultLinkId);
    }
}
