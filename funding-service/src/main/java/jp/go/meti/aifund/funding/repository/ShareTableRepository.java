package jp.go.meti.aifund.funding.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.aggregate.ShareTable;
import jp.go.meti.aifund.funding.domain.ProposalState;
import jp.go.meti.aifund.funding.domain.SharesInForce;
import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.kernel.NotFoundException;

@ApplicationScoped
public class ShareTableRepository implements PanacheRepositoryBase<ShareTable, UUID> {

    private final RecipientRepository recipients;

    public ShareTableRepository(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    public ShareTable get(UUID programmeId, UUID id) {
        return find("programmeId = ?1 and id = ?2", programmeId, id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("share table", id));
    }

    /** Every table of the programme, oldest proposal first. */
    public List<ShareTable> ofProgramme(UUID programmeId) {
        return list("programmeId", Sort.by("proposedAt").and("id"), programmeId);
    }

    /** Whether a share table has been confirmed: from then on shares are set by tables only. */
    public boolean anyConfirmed(UUID programmeId) {
        return count("programmeId = ?1 and state = ?2", programmeId, ProposalState.CONFIRMED) > 0;
    }

    /** The shares in force on {@code date}: the confirmed table that took effect last on or before it, else the founding shares. */
    public SharesInForce inForce(UUID programmeId, LocalDate date) {
        // one row at most (one confirmed table per date): every tranche event asks, so no loading of all tables
        return find("programmeId = ?1 and state = ?2 and effectiveFrom <= ?3",
                Sort.by("effectiveFrom", Sort.Direction.Descending), programmeId, ProposalState.CONFIRMED, date)
                .firstResultOptional()
                .map(t -> new SharesInForce(t.id, t.effectiveFrom, t.shares(recipients.names(programmeId))))
                .orElseGet(() -> SharesInForce.founding(recipients.memberShares(programmeId)));
    }

    /** The shares a fiscal year's figures are split by: those in force on its first day, 1 April. */
    public SharesInForce inForce(UUID programmeId, int fiscalYear) {
        return inForce(programmeId, FiscalYear.firstDay(fiscalYear));
    }
}
