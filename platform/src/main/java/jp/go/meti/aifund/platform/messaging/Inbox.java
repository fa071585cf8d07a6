package jp.go.meti.aifund.platform.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The idempotent consumer's memory: the ids of the events it has applied, claimed in the
 * transaction of their effects. A redelivered event finds its id taken and changes nothing; a
 * concurrent second delivery waits on the first one's row and then finds it taken.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** Claims the events in one statement; returns those not applied before, in their order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<IncomingEvent> firstDeliveries(Collection<IncomingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Set<UUID> claimed = new HashSet<>(em.createNativeQuery("INSERT INTO processed_event (event_id, type, processed_at) "
                + "SELECT id, type, ?3 FROM unnest(?1, ?2) AS e(id, type) ON CONFLICT DO NOTHING RETURNING event_id")
                .setParameter(1, events.stream().map(IncomingEvent::id).toArray(UUID[]::new))
                .setParameter(2, events.stream().map(IncomingEvent::type).toArray(String[]::new))
                .setParameter(3, Instant.now())
                .getResultList());
        return events.stream().filter(e -> claimed.remove(e.id())).toList();
    }
}
