package jp.go.meti.aifund.milestone.aggregate;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recipient of a copied programme: the consortium, a member or a research partner. */
@Entity
@Table(name = "recipient_copy")
public class RecipientCopy {

    @Id
    @Column(name = "recipient_id")
    public UUID recipientId;
    @Column(name = "programme_id")
    public UUID programmeId;
    public int position;
    public String name;
    public String role;
    @Column(name = "consortium_id")
    public UUID consortiumId;

    /** For JPA; a recipient is copied with its {@link ProgrammeCopy#recipient programme}. */
    protected RecipientCopy() {
    }

    RecipientCopy(UUID recipientId, UUID programmeId, int position, String name, String role, UUID consortiumId) {
        this.recipientId = recipientId;
        this.programmeId = programmeId;
        this.position = position;
        this.name = name;
        this.role = role;
        this.consortiumId = consortiumId;
    }
}
