package jp.go.meti.aifund.notification.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.notification.domain.DeliveryState;

/**
 * One change of a warning to one subscriber: PENDING until a 2xx answer, retried with back-off
 * meanwhile (and waiting while the subscription is disabled).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "warning_id")
    public UUID warningId;
    @Column(name = "change_position")
    public long changePosition;
    /** CANCELLED: its subscription was deleted before it was received. */
    @Enumerated(EnumType.STRING)
    public DeliveryState state;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "stall_reported")
    public boolean stallReported;

    protected WebhookDelivery() {
    }

    /** A change (appended: its position known) to deliver to a subscription, due at once. */
    public static WebhookDelivery of(WarningChange change, WebhookSubscription to, Instant at) {
        return of(change.warningId, change.position, to, at);
    }

    static WebhookDelivery of(UUID warningId, long changePosition, WebhookSubscription to, Instant at) {
        WebhookDelivery d = new WebhookDelivery();
        d.id = UUID.randomUUID();
        d.subscriptionId = to.id;
        d.warningId = warningId;
        d.changePosition = changePosition;
        d.state = DeliveryState.PENDING;
        d.nextAttemptAt = at;
        d.createdAt = at;
        return d;
    }

    /**
     * Claimed for an attempt made outside the claiming transaction: no other dispatcher takes it before
     * {@code until} (past the attempt's timeout), so that a crash mid-attempt retries it then.
     */
    public void claim(Instant until) {
        nextAttemptAt = until;
    }

    /** Counts an attempt: a 2xx answer delivers it, anything else retries after {@code backoff}. */
    public void attempted(WebhookAttempt attempt, Instant at, Function<Integer, Duration> backoff) {
        attempts++;
        if (attempt.succeeded()) {
            state = DeliveryState.DELIVERED;
            deliveredAt = at;
        } else {
            nextAttemptAt = at.plus(backoff.apply(attempts));
        }
    }

    /** The stall has been reported once; it is not reported again. */
    public void stallReported() {
        stallReported = true;
    }
}
