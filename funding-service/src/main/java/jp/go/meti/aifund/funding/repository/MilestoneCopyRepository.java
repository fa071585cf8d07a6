package jp.go.meti.aifund.funding.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jp.go.meti.aifund.funding.aggregate.MilestoneCopy;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

@ApplicationScoped
public class MilestoneCopyRepository implements PanacheRepositoryBase<MilestoneCopy, UUID> {

    /** The milestone a result-linked tranche names, or a refusal naming the field. */
    public MilestoneCopy named(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> new InvalidRequestException("resultLink.milestoneId",
                new Text("funding.result-link.unknown", "aifund.milestone-events.v1")));
    }
}
