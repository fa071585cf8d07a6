package jp.go.meti.aifund.notification.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One warning to one subscriber: PENDING until a 2xx answer, retried with back-off meanwhile. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "warning_id")
    public UUID warningId;
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
