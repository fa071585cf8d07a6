package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

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

    protected Recipient() {
    }

    /**
     * A new recipient. A consortium stands alone; a member or research partner names its consortium
     * ({@code consortium}, as found in the programme, if named). A member's founding share
     * (10,000 = 100 %) keeps the consortium's members ({@code recipients}, the programme's so far) at
     * no more than 100 %; once a share table has been confirmed ({@code sharesTabled}) shares are set
     * by share tables only. A member without a share is prospective until a share table names it.
     */
    public static Recipient add(UUID programmeId, String name, RecipientRole role, UUID consortiumId,
            Optional<Recipient> consortium, Integer shareBasisPoints, List<Recipient> recipients,
            boolean sharesTabled, Instant at) {
        Recipient r = new Recipient();
        r.id = UUID.randomUUID();
        r.programmeId = programmeId;
        r.name = name;
        r.role = role;
        r.createdAt = at;
        if (role == RecipientRole.CONSORTIUM) {
            if (consortiumId != null || shareBasisPoints != null) {
                throw new InvalidRequestException("consortiumId", new Text("funding.recipient.consortium-alone"));
            }
            return r;
        }
        if (consortiumId == null) {
            throw new InvalidRequestException("consortiumId", new Text("funding.recipient.consortium-required"));
        }
        Recipient c = consortium.orElseThrow(
                () -> new InvalidRequestException("consortiumId", new Text("funding.recipient.unknown")));
        if (c.role != RecipientRole.CONSORTIUM) {
            throw new InvalidRequestException("consortiumId", new Text("funding.recipient.not-consortium", role(c.role)));
        }
        r.consortiumId = consortiumId;
        r.shareBasisPoints = role == RecipientRole.MEMBER
                ? memberShare(consortiumId, shareBasisPoints, recipients, sharesTabled) : shareBasisPoints;
        return r;
    }

    /** A recipient's role, by its code in English, named in Japanese. */
    public static Text.Noun role(RecipientRole role) {
        return new Text.Noun("funding", "role." + role.name());
    }

    private static Integer memberShare(UUID consortiumId, Integer share, List<Recipient> recipients,
            boolean sharesTabled) {
        if (share == null) {
            return null; // prospective: announced, not yet joined
        }
        if (sharesTabled) {
            throw new InvalidRequestException("shareBasisPoints", new Text("funding.recipient.share-tabled"));
        }
        long taken = recipients.stream().filter(r -> r.role == RecipientRole.MEMBER && consortiumId.equals(r.consortiumId)
                && r.shareBasisPoints != null).mapToLong(r -> r.shareBasisPoints).sum();
        if (taken + share > 10_000) {
            throw new InvalidRequestException("shareBasisPoints", new Text("funding.recipient.shares-over",
                    String.valueOf(taken + share)));
        }
        return share;
    }
}
