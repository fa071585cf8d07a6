package jp.go.meti.aifund.notification.service;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.notification.repository.ReadModel;
import jp.go.meti.aifund.platform.rest.Caller;

/**
 * Which programmes the caller may read here: every one for the staff roles; for a consortium member,
 * those its recipients (the token's recipients claim) are recipients of, as funding-service's programme
 * events describe them. Another programme's warnings and board do not exist for it (404), as elsewhere.
 */
@RequestScoped
public class Visibility {

    private final Caller caller;
    private final ReadModel readModel;
    private Optional<Set<UUID>> programmes;

    public Visibility(Caller caller, ReadModel readModel) {
        this.caller = caller;
        this.readModel = readModel;
    }

    /** The programmes the caller may read; empty: all of them. */
    public Optional<Set<UUID>> programmes() {
        if (programmes == null) {
            programmes = caller.actsOnlyFor().map(readModel::programmesOf);
        }
        return programmes;
    }

    public boolean sees(UUID programmeId) {
        return programmes().map(p -> p.contains(programmeId)).orElse(true);
    }

    public void requireVisible(String what, UUID id, UUID programmeId) {
        if (!sees(programmeId)) {
            throw new NotFoundException(what, id);
        }
    }
}
