package jp.go.meti.aifund.funding.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jp.go.meti.aifund.funding.aggregate.Objection;

@ApplicationScoped
public class ObjectionRepository implements PanacheRepositoryBase<Objection, UUID> {

    /** The objection to the decision a hearing concluded, if one was filed (at most one: the table says so). */
    public Optional<Objection> ofHearing(UUID hearingId) {
        return find("hearingId", hearingId).firstResultOptional();
    }

    public List<Objection> ofHearings(Collection<UUID> hearingIds) {
        return hearingIds.isEmpty() ? List.of() : list("hearingId in ?1", hearingIds);
    }
}
