package jp.go.meti.aifund.milestone.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reviewer's declared relation to a recipient (employment, shareholding, family…). */
@Entity
@Table(name = "conflict_declaration")
public class ConflictDeclaration {

    @Id
    public UUID id;
    public String reviewer;
    @Column(name = "recipient_id")
    public UUID recipientId;
    public String reason;
    @Column(name = "declared_by")
    public String declaredBy;
    @Column(name = "declared_at")
    public Instant declaredAt;
}
