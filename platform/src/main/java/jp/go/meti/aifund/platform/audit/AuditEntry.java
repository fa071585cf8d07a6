package jp.go.meti.aifund.platform.audit;

import java.time.Instant;
import java.util.Arrays;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.kernel.AuditChain;

/** One decision in the audit trail; never updated (a database trigger refuses it). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    public String actor;
    public String action;
    public String subject;
    public String details;
    @Column(name = "previous_hash")
    public String previousHash;
    public String hash;

    /** What the hash covers: every field but the id (assigned on insert) and the hashes. */
    public String canonical() {
        return AuditChain.canonical(Arrays.asList(recordedAt, actor, action, subject, details));
    }
}
