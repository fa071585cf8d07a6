package jp.go.meti.aifund.funding.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.contracts.milestone.MilestoneData;
import jp.go.meti.aifund.funding.aggregate.MilestoneCopy;
import jp.go.meti.aifund.funding.repository.MilestoneCopyRepository;

/** Keeps the copy of milestone-service's milestones from its events: upserted by milestone id. */
@ApplicationScoped
public class MilestoneCopies {

    public static final String DEFINED = "jp.go.meti.aifund.milestone.defined.v1";
    public static final String REMOVED = "jp.go.meti.aifund.milestone.removed.v1";

    private final MilestoneCopyRepository copies;
    private final Clock clock;

    public MilestoneCopies(MilestoneCopyRepository copies, Clock clock) {
        this.copies = copies;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String type, MilestoneData m) {
        MilestoneCopy copy = copies.findByIdOptional(m.getMilestoneId()).orElseGet(() -> new MilestoneCopy(m.getMilestoneId()));
        copy.copy(m.getProgrammeId(), Math.toIntExact(m.getFiscalYear()), m.getCode(), Math.toIntExact(m.getVersion()),
                m.getTitle(), m.getImplementsGoal(), REMOVED.equals(type), clock.instant());
        copies.persist(copy);
    }
}
