package jp.go.meti.aifund.platform.messaging;

import java.time.Instant;

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

    /** Claims the event; false when it was applied before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(IncomingEvent event) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id, type, processed_at) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT DO NOTHING")
                .setParameter(1, event.id()).setParameter(2, event.type()).setParameter(3, Instant.now())
                .executeUpdate() == 1;
    }
}
