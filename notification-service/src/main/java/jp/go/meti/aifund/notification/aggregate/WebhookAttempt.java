package jp.go.meti.aifund.notification.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Every attempt to deliver, with what the endpoint answered (or why it could not be reached). */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "delivery_id")
    public UUID deliveryId;
    @Column(name = "attempted_at")
    public Instant attemptedAt;
    @Column(name = "status_code")
    public Integer statusCode;
    public String error;
    @Column(name = "duration_ms")
    public long durationMs;

    protected WebhookAttempt() {
    }

    /** What the endpoint answered ({@code statusCode}), or why it was not reached ({@code error}). */
    public WebhookAttempt(UUID deliveryId, Instant at, Integer statusCode, String error, long durationMs) {
        this.deliveryId = deliveryId;
        this.attemptedAt = at;
        this.statusCode = statusCode;
        this.error = error;
        this.durationMs = durationMs;
    }

    public boolean succeeded() {
        return statusCode != null && statusCode / 100 == 2;
    }
}
