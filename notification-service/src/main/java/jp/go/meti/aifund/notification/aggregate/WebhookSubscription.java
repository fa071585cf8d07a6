package jp.go.meti.aifund.notification.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.notification.domain.Severity;

/** An endpoint that receives the changes of warnings of at least a severity, of one programme or of all. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;
    public String url;
    /** The signing secret ({@code whsec_…}), shown once at creation. */
    public String secret;
    @Enumerated(EnumType.STRING)
    @Column(name = "min_severity")
    public Severity minSeverity;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    public boolean active;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Set when the owner deleted it: kept with its deliveries for the record, hidden from the API. */
    @Column(name = "deleted_at")
    public Instant deletedAt;
    /** After a rotation, the secret before it, which still signs beside the new one until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    /** Whether the changes of this warning are for this subscription (delivered once it is enabled). */
    public boolean wants(Warning w) {
        return w.severity.compareTo(minSeverity) >= 0
                && (programmeId == null || programmeId.equals(w.programmeId));
    }
}
