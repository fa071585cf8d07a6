package jp.go.meti.aifund.notification.service;

import java.time.Instant;
import java.util.UUID;

import jp.go.meti.aifund.notification.service.Views.WarningChangeView;

/** What the live stream tells a follower, before it is written as a server-sent event. */
public sealed interface LiveFrame {

    /** The programme the frame concerns, or null. */
    UUID programmeId();

    /** The recipient the frame is addressed to (a warning addressed to one), or null: any reader of the programme. */
    default UUID addressedTo() {
        return null;
    }

    /** A change in a warning's life, at its durable position (the event's id). */
    record Change(WarningChangeView change, UUID programmeId, UUID addressedTo) implements LiveFrame {
    }

    /** The read model of a programme changed (tranches, reviews, envelopes): a view of it may reload. */
    record ProgrammeUpdated(UUID programmeId, Instant at) implements LiveFrame {
    }

    /** More changes were missed than are replayed: the follower reloads over REST, then follows on. */
    record Resync(String reason) implements LiveFrame {

        @Override
        public UUID programmeId() {
            return null;
        }
    }
}
