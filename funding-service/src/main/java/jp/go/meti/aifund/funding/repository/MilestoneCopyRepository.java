package jp.go.meti.aifund.funding.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jp.go.meti.aifund.funding.aggregate.MilestoneCopy;
import jp.go.meti.aifund.kernel.InvalidRequestException;

@ApplicationScoped
public class MilestoneCopyRepository implements PanacheRepositoryBase<MilestoneCopy, UUID> {

    /** The milestone a result-linked tranche names, or a refusal naming the field. */
    public MilestoneCopy named(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> new InvalidRequestException("resultLink.milestoneId",
                "names no milestone known here (funding-service copies them from aifund.milestone-events.v1; "
                        + "a milestone just defined may take a few seconds to arrive)"));
    }
}
