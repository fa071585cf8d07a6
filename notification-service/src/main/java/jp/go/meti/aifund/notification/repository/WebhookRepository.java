package jp.go.meti.aifund.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import jp.go.meti.aifund.platform.domain.NotFoundException;

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

    public WebhookSubscription subscription(UUID id) {
        WebhookSubscription s = em.find(WebhookSubscription.class, id);
        if (s == null) {
            throw new NotFoundException("webhook subscription", id);
        }
        return s;
    }

    public List<WebhookSubscription> subscriptions() {
        return em.createQuery("FROM WebhookSubscription ORDER BY createdAt", WebhookSubscription.class).getResultList();
    }

    public List<WebhookSubscription> active() {
        return em.createQuery("FROM WebhookSubscription WHERE active = true", WebhookSubscription.class).getResultList();
    }

    /** Pending deliveries that are due, locked so that concurrent dispatchers never send one twice at once. */
    public List<WebhookDelivery> due(Instant now, int limit) {
        return em.createNativeQuery("SELECT * FROM webhook_delivery WHERE state = 'PENDING' AND next_attempt_at <= ?1 "
                + "ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED", WebhookDelivery.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** Pending deliveries created before {@code since} whose stall is not reported yet. */
    public List<WebhookDelivery> stalled(Instant since) {
        return em.createQuery("FROM WebhookDelivery WHERE state = 'PENDING' AND stallReported = false AND createdAt < ?1",
                WebhookDelivery.class).setParameter(1, since).getResultList();
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
