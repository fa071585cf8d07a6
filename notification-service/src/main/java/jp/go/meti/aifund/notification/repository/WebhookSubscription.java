package jp.go.meti.aifund.notification.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.notification.domain.Severity;

/** An endpoint that receives warnings of at least a severity, of one programme or of all. */
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

    public boolean wants(Warning w) {
        return active && w.severity.compareTo(minSeverity) >= 0
                && (programmeId == null || programmeId.equals(w.programmeId));
    }
}
