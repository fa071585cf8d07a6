package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

/**
 * funding-service's copy of one milestone version, from milestone-service's milestone events
 * (event-carried state, upserted by id): what a result-linked tranche may name.
 */
@Entity
@Table(name = "milestone_copy")
public class MilestoneCopy {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public String code;
    public int version;
    public String title;
    @Column(name = "implements_goal")
    public UUID implementsGoal;
    public boolean removed;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    protected MilestoneCopy() {
    }

    public MilestoneCopy(UUID id) {
        this.id = id;
    }

    public void copy(UUID programmeId, int fiscalYear, String code, int version, String title, UUID implementsGoal,
            boolean removed, Instant at) {
        this.programmeId = programmeId;
        this.fiscalYear = fiscalYear;
        this.code = code;
        this.version = version;
        this.title = title;
        this.implementsGoal = implementsGoal;
        this.removed = removed;
        this.recordedAt = at;
    }

    /** What a result-linked tranche is planned against; a removed milestone is refused. */
    public ResultLink.MilestoneRef ref() {
        if (removed) {
            throw new InvalidRequestException("resultLink.milestoneId", new Text("funding.result-link.removed", code));
        }
        return new ResultLink.MilestoneRef(id, programmeId, fiscalYear, code, implementsGoal);
    }
}
