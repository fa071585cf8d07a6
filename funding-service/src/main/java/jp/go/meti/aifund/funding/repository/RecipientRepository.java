package jp.go.meti.aifund.funding.repository;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.aggregate.Recipient;
import jp.go.meti.aifund.funding.domain.RecipientRole;
import jp.go.meti.aifund.kernel.LargestRemainder.Share;
import jp.go.meti.aifund.kernel.NotFoundException;

@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, UUID> {

    public Recipient get(UUID programmeId, UUID id) {
        return find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("recipient", id));
    }

    public List<Recipient> ofProgramme(UUID programmeId) {
        return list("programmeId", Sort.by("createdAt").and("name"), programmeId);
    }

    /** The members that share the money, largest share first (the order every split of it uses). */
    public List<Share> memberShares(UUID programmeId) {
        return list("programmeId = ?1 and role = ?2 and shareBasisPoints is not null",
                Sort.by("shareBasisPoints", Sort.Direction.Descending).and("name"), programmeId, RecipientRole.MEMBER)
                .stream().map(r -> new Share(r.id, r.name, r.shareBasisPoints)).toList();
    }

    /** Each recipient's name, by id. */
    public Map<UUID, String> names(UUID programmeId) {
        return ofProgramme(programmeId).stream().collect(Collectors.toMap(r -> r.id, r -> r.name));
    }

    public boolean nameTaken(UUID programmeId, String name) {
        return count("programmeId = ?1 and name = ?2", programmeId, name) > 0;
    }
}
