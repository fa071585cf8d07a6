package jp.go.meti.aifund.notification.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WebhookSignature;

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
    /** The language of the titles and details it is sent: {@code en} or {@code ja}. */
    public String language;

    protected WebhookSubscription() {
    }

    /** An enabled subscription with a new signing secret. */
    public static WebhookSubscription subscribe(String url, Severity minSeverity, UUID programmeId, String language,
            String owner, Instant at) {
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = url;
        s.secret = WebhookSignature.newSecret();
        s.minSeverity = minSeverity;
        s.programmeId = programmeId;
        s.language = language == null ? "en" : language;
        s.createdBy = owner;
        s.createdAt = at;
        s.updatedAt = at;
        s.active = true;
        return s;
    }

    /** Pauses or resumes the deliveries; the same state again changes nothing. */
    public void activate(boolean enabled, Instant at) {
        if (active != enabled) {
            active = enabled;
            updatedAt = at;
        }
    }

    /** Deleted by its owner: it receives nothing more, and stays on record. */
    public void delete(Instant at) {
        deletedAt = at;
        updatedAt = at;
        active = false;
    }

    /** A new secret; the previous one keeps signing beside it for {@code overlap}. */
    public void rotateSecret(Duration overlap, Instant at) {
        previousSecret = secret;
        previousSecretUntil = at.plus(overlap);
        secret = WebhookSignature.newSecret();
        updatedAt = at;
    }

    /** Whether the changes of this warning are for this subscription (delivered once it is enabled). */
    public boolean wants(Warning w) {
        return w.severity.compareTo(minSeverity) >= 0
                && (programmeId == null || programmeId.equals(w.programmeId));
    }
}
