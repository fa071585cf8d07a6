package jp.go.meti.aifund.milestone.outbound;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.contracts.milestone.MilestoneData;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.config.MilestoneConfig;
import jp.go.meti.aifund.platform.messaging.CloudEvent;
import jp.go.meti.aifund.platform.messaging.Outbox;

/**
 * A milestone as it stands after a change, {@code jp.go.meti.aifund.milestone.<defined|removed>.v1},
 * written to the outbox in the transaction of the change (event-carried state: a consumer upserts
 * by milestone id). funding-service keeps this copy so that a result-linked tranche can name its milestone.
 */
@ApplicationScoped
public class MilestoneEvents {

    public static final String DEFINED = "jp.go.meti.aifund.milestone.defined.v1";
    public static final String REMOVED = "jp.go.meti.aifund.milestone.removed.v1";

    private final Outbox outbox;
    private final MilestoneConfig config;

    public MilestoneEvents(Outbox outbox, MilestoneConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Defined or redefined; {@code supersedes} is the version it replaced, if it is a new version. */
    public void defined(Milestone m, Milestone supersedes, Instant at) {
        publish(DEFINED, m, supersedes, at);
    }

    public void removed(Milestone m, Instant at) {
        publish(REMOVED, m, null, at);
    }

    private void publish(String type, Milestone m, Milestone supersedes, Instant at) {
        MilestoneData data = new MilestoneData().withMilestoneId(m.id).withProgrammeId(m.programmeId)
                .withFiscalYear((long) m.fiscalYear).withCode(m.code).withVersion((long) m.version).withTitle(m.title)
                .withUnit(m.unit).withDirection(MilestoneData.Direction.fromValue(m.direction.name()))
                .withImplementsGoal(m.implementsGoal).withSupersedes(supersedes == null ? null : supersedes.id);
        outbox.add(config.milestoneTopic(), CloudEvent.of(config.eventSource(), type, "milestone/" + m.id,
                config.schemaBaseUri() + type + ".schema.json", m.programmeId.toString(), at, data));
    }
}
