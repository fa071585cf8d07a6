package jp.go.meti.aifund.milestone.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.kernel.NotPermittedException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.milestone.domain.ConflictOfInterestException;

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

    /** For JPA; a declaration begins with {@link #declare}. */
    protected ConflictDeclaration() {
    }

    private ConflictDeclaration(String reviewer, UUID recipientId, String reason, String declaredBy, Instant at) {
        this.id = UUID.randomUUID();
        this.reviewer = reviewer;
        this.recipientId = recipientId;
        this.reason = reason.strip();
        this.declaredBy = declaredBy;
        this.declaredAt = at;
    }

    /**
     * A reviewer declares their own relation; a programme administrator may declare anyone's. Whether
     * the recipient is known and the relation new is for the caller to check, before it persists this.
     */
    public static ConflictDeclaration declare(String reviewer, UUID recipientId, String reason, String actor,
            boolean administrator, Instant at) {
        if (!administrator && !reviewer.equals(actor)) {
            throw new NotPermittedException(new Text("milestone.conflict.own-only", actor));
        }
        return new ConflictDeclaration(reviewer, recipientId, reason, actor, at);
    }

    /** Refuses the reviewer assessing {@code milestone} when this declaration relates them to its recipient. */
    public void requireUnrelatedTo(Milestone milestone) {
        if (recipientId.equals(milestone.recipientId)) {
            throw new ConflictOfInterestException(reviewer, milestone.code, reason);
        }
    }
}
