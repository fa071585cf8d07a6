package jp.go.meti.aifund.milestone.domain;

import java.util.UUID;

import jp.go.meti.aifund.kernel.DomainException;
import jp.go.meti.aifund.kernel.Text;

/**
 * A programme milestone-service's copy does not know: funding-service may not have created it, or
 * its event may not have arrived yet. Answered 404 with a {@code Retry-After}, saying so.
 */
public final class UnknownProgrammeException extends DomainException {

    /** How long to wait before asking again: the copy usually catches up within a second. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final UUID programmeId;

    public UnknownProgrammeException(UUID programmeId, String topic) {
        super(new Text("milestone.programme.unknown", programmeId, topic));
        this.programmeId = programmeId;
    }

    public UUID programmeId() {
        return programmeId;
    }
}
