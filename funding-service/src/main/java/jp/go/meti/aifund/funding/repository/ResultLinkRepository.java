package jp.go.meti.aifund.funding.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.aggregate.ResultLink;

@ApplicationScoped
public class ResultLinkRepository implements PanacheRepositoryBase<ResultLink, UUID> {

    /** The links a review of {@code fiscalYear} assesses. */
    public List<ResultLink> assessedBy(UUID programmeId, int fiscalYear) {
        return list("programmeId = ?1 and milestoneFiscalYear = ?2", Sort.by("id"), programmeId, fiscalYear);
    }

    /** The links more was paid under than their results earned. */
    public List<ResultLink> overpaid(UUID programmeId) {
        return list("programmeId = ?1 and overpaid > 0", Sort.by("id"), programmeId);
    }
}
