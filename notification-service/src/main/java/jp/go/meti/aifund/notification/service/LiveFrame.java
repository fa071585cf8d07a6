package jp.go.meti.aifund.notification.service;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.notification.service.Views.WarningChangeView;

/** What the live stream tells a follower, before it is written as a server-sent event. */
public sealed interface LiveFrame {

    /** The programme the frame concerns, or null. */
    UUID programmeId();

    /** The recipient the frame is addressed to (a warning addressed to one), or null: any reader of the programme. */
    default UUID addressedTo() {
        return null;
    }

    /**
     * A change in a warning's life, at its durable position (the event's id); {@code titleText} and
     * {@code detailText}: the warning's texts as kept (TextJson, null for a warning raised before they
     * were), so that each follower reads them in its language.
     */
    record Change(WarningChangeView change, UUID programmeId, UUID addressedTo, String titleText, String detailText)
            implements LiveFrame {

        /** The warning as the change left it, its title and detail (which never change) said in {@code language}. */
        public ObjectNode warningIn(Locale language, ObjectMapper json) throws JsonProcessingException {
            ObjectNode warning = (ObjectNode) json.readTree(change.warning());
            if (Text.isJapanese(language) && titleText != null) {
                warning.put("title", TextJson.read(titleText).in(language));
                if (detailText != null) {
                    warning.put("detail", TextJson.read(detailText).in(language));
                }
            }
            return warning;
        }
    }

    /** The read model of a programme changed (tranches, reviews, envelopes): a view of it may reload. */
    record ProgrammeUpdated(UUID programmeId, Instant at) implements LiveFrame {
    }

    /** More changes were missed than are replayed: the follower reloads over REST, then follows on. */
    record Resync(Text reason) implements LiveFrame {

        @Override
        public UUID programmeId() {
            return null;
        }
    }
}
