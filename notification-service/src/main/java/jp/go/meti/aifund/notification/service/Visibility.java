package jp.go.meti.aifund.notification.service;

import java.util.HashSet;
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
 * events describe them; of a warning addressed to one recipient (a hearing's notice, an objection), only
 * that recipient and its members. What it may not read does not exist for it (404), as elsewhere.
 */
@RequestScoped
public class Visibility {

    private final Caller caller;
    private final ReadModel readModel;
    private Optional<Set<UUID>> programmes;
    private Optional<Set<UUID>> recipients;

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

    /**
     * The recipients the caller reads a warning addressed to one for: those its token names and the
     * consortia they are members of; empty: any.
     */
    public Optional<Set<UUID>> recipients() {
        if (recipients == null) {
            recipients = caller.actsOnlyFor().map(named -> {
                Set<UUID> all = new HashSet<>(named);
                all.addAll(readModel.consortiaOf(named));
                return Set.copyOf(all);
            });
        }
        return recipients;
    }

    public boolean sees(UUID programmeId) {
        return programmes().map(p -> p.contains(programmeId)).orElse(true);
    }

    /** Whether the caller sees something of {@code programmeId} addressed to {@code addressedTo} (null: to all). */
    public boolean sees(UUID programmeId, UUID addressedTo) {
        return sees(programmeId) && (addressedTo == null || recipients().map(r -> r.contains(addressedTo)).orElse(true));
    }

    public void requireVisible(String what, UUID id, UUID programmeId) {
        requireVisible(what, id, programmeId, null);
    }

    public void requireVisible(String what, UUID id, UUID programmeId, UUID addressedTo) {
        if (!sees(programmeId, addressedTo)) {
            throw new NotFoundException(what, id);
        }
    }
}
