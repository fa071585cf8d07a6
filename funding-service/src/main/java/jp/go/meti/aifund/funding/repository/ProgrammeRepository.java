package jp.go.meti.aifund.funding.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.kernel.NotFoundException;

@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, UUID> {

    public Programme get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundException("programme", id));
    }

    /**
     * The programme row locked FOR UPDATE until the transaction ends: every change of money in a
     * programme passes here first, so concurrent requests are checked against the ceiling in turn.
     * It must be the transaction's first read of the programme: Hibernate only locks a row it read
     * before, without reading it again, so its amounts could be another transaction's stale ones.
     */
    public Programme lock(UUID id) {
        return lockIfPresent(id).orElseThrow(() -> new NotFoundException("programme", id));
    }

    /** {@link #lock}, for an event that may name a programme unknown here. */
    public Optional<Programme> lockIfPresent(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
