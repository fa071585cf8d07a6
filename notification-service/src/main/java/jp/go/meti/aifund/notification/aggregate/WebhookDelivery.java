package jp.go.meti.aifund.notification.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change of a warning to one subscriber: PENDING until a 2xx answer, retried with back-off
 * meanwhile (and waiting while the subscription is disabled).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    /** Its subscription was deleted before it was received. */
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "warning_id")
    public UUID warningId;
    @Column(name = "change_position")
    public long changePosition;
    public String state;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "stall_reported")
    public boolean stallReported;
}
