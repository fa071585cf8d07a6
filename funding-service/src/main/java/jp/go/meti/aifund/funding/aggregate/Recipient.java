package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.funding.domain.RecipientRole;

/** The consortium that receives the money, and its members with their shares. */
@Entity
public class Recipient {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    public String name;
    @Enumerated(EnumType.STRING)
    public RecipientRole role;
    @Column(name = "consortium_id")
    public UUID consortiumId;
    @Column(name = "share_basis_points")
    public Integer shareBasisPoints;
    @Column(name = "created_at")
    public Instant createdAt;
}
