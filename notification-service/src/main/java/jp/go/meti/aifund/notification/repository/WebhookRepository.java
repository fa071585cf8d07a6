package jp.go.meti.aifund.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.notification.aggregate.WebhookAttempt;
import jp.go.meti.aifund.notification.aggregate.WebhookDelivery;
import jp.go.meti.aifund.notification.aggregate.WebhookSubscription;
import jp.go.meti.aifund.notification.domain.DeliveryState;

/** Subscriptions, their deliveries and every attempt. */
@ApplicationScoped
public class WebhookRepository {

    private final EntityManager em;

    public WebhookRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    /** A subscription that is not deleted. */
    public WebhookSubscription subscription(UUID id) {
        return present(em.find(WebhookSubscription.class, id), id);
    }

    public WebhookSubscription lockSubscription(UUID id) {
        return present(em.find(WebhookSubscription.class, id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    private static WebhookSubscription present(WebhookSubscription s, UUID id) {
        if (s == null || s.deletedAt != null) {
            throw new NotFoundException("webhook subscription", id);
        }
        return s;
    }

    /** The subscriptions not deleted, of one owner or (null) of all, oldest first. */
    public List<WebhookSubscription> subscriptions(String owner) {
        if (owner == null) {
            return em.createQuery("FROM WebhookSubscription WHERE deletedAt IS NULL ORDER BY createdAt, id",
                    WebhookSubscription.class).getResultList();
        }
        return em.createQuery("FROM WebhookSubscription WHERE deletedAt IS NULL AND createdBy = ?1 ORDER BY createdAt, id",
                WebhookSubscription.class).setParameter(1, owner).getResultList();
    }

    /** The subscriptions that receive new changes: not deleted (a disabled one receives them later). */
    public List<WebhookSubscription> receiving() {
        return em.createQuery("FROM WebhookSubscription WHERE deletedAt IS NULL", WebhookSubscription.class)
                .getResultList();
    }

    /**
     * Pending deliveries that are due, of enabled subscriptions, locked so that concurrent dispatchers
     * never send one twice at once.
     */
    public List<WebhookDelivery> due(Instant now, int limit) {
        return em.createNativeQuery("SELECT d.* FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id "
                + "WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?1 AND s.active "
                + "ORDER BY d.next_attempt_at LIMIT ?2 FOR UPDATE OF d SKIP LOCKED", WebhookDelivery.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /**
     * Pending deliveries of enabled subscriptions created before {@code since} whose stall is not
     * reported yet (a disabled subscription's deliveries wait by the owner's choice).
     */
    public List<WebhookDelivery> stalled(Instant since) {
        return em.createQuery("SELECT d FROM WebhookDelivery d, WebhookSubscription s WHERE s.id = d.subscriptionId "
                + "AND s.active = true AND d.state = ?2 AND d.stallReported = false AND d.createdAt < ?1",
                WebhookDelivery.class).setParameter(1, since).setParameter(2, DeliveryState.PENDING).getResultList();
    }

    /** What a deleted subscription was still owed is never sent. */
    public void cancelPending(UUID subscriptionId) {
        em.createQuery("UPDATE WebhookDelivery SET state = ?2 WHERE subscriptionId = ?1 AND state = ?3")
                .setParameter(1, subscriptionId).setParameter(2, DeliveryState.CANCELLED)
                .setParameter(3, DeliveryState.PENDING).executeUpdate();
    }


    public List<WebhookDelivery> deliveries(UUID subscriptionId) {
        return em.createQuery("FROM WebhookDelivery WHERE subscriptionId = ?1 ORDER BY createdAt", WebhookDelivery.class)
                .setParameter(1, subscriptionId).getResultList();
    }

    public List<WebhookAttempt> attempts(UUID deliveryId) {
        return em.createQuery("FROM WebhookAttempt WHERE deliveryId = ?1 ORDER BY id", WebhookAttempt.class)
                .setParameter(1, deliveryId).getResultList();
    }
}
