package jp.go.meti.aifund.notification.rest;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import jp.go.meti.aifund.notification.config.NotificationConfig;
import jp.go.meti.aifund.notification.service.LiveFrame;
import jp.go.meti.aifund.notification.service.WarningFeed;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

/** Writes the live stream's frames as server-sent events, with keep-alive comments between them. */
@ApplicationScoped
public class LiveStream {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    static final String DESCRIPTION = """
            A `text/event-stream` that lasts: a `: keep-alive` comment every 15 s while nothing happens, \
            `retry: 3000` in the first frame. Frames:
            - `event: warning.raised`, `warning.acknowledged`, `warning.resolved`: `id:` is the change's \
            position (durable, increasing), `data:` the warning (as `GET /api/warnings/{warningId}`) as \
            the change left it.
            - `event: programme.updated` (no id): what this service knows of the programme changed \
            (tranches, reviews, envelopes); `data: {"programmeId", "at"}`. Reload its dashboard.
            - `event: resync` (no id): more changes were missed than are replayed; reload over REST.
            A warning's `title` and `detail` are in the follower's language (`Accept-Language`, which \
            browsers send by themselves), as over REST. \
            Resume with `Last-Event-ID` (browsers' EventSource sends it by itself): the changes after \
            it are sent first, at most 1,000 (else `resync`), then the live ones. `programmeId` keeps \
            one programme's frames only.""";

    private final WarningFeed feed;
    private final ObjectMapper json;
    private final NotificationConfig.Stream config;

    public LiveStream(WarningFeed feed, ObjectMapper json, NotificationConfig config) {
        this.feed = feed;
        this.json = json;
        this.config = config.stream();
    }

    /**
     * {@code within}: the programmes the follower may read; {@code readers}: the recipients it reads for, of a
     * warning addressed to one (both empty: all); frames it may not read are not sent.
     */
    Multi<OutboundSseEvent> open(UUID programmeId, String lastEventId, Optional<Set<UUID>> within,
            Optional<Set<UUID>> readers, Locale language, Sse sse) {
        Multi<OutboundSseEvent> frames = feed.follow(programmeId, position(lastEventId))
                .select().where(f -> f.programmeId() == null || within.map(w -> w.contains(f.programmeId())).orElse(true))
                .select().where(f -> f.addressedTo() == null || readers.map(r -> r.contains(f.addressedTo())).orElse(true))
                .map(f -> event(f, language, sse));
        Duration keepAlive = config.keepAlive();
        Multi<OutboundSseEvent> keepAlives = Multi.createFrom().ticks().every(keepAlive)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        OutboundSseEvent hello = sse.newEventBuilder().comment("connected").reconnectDelay(config.retry().toMillis())
                .build();
        return Multi.createBy().merging().streams(
                Multi.createBy().concatenating().streams(Multi.createFrom().item(hello), frames), keepAlives);
    }

    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(lastEventId.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidRequestException(LAST_EVENT_ID, new Text("notification.live.last-event-id"));
    }

    /** A frame as a server-sent event, its texts in the follower's {@code language}. */
    private OutboundSseEvent event(LiveFrame frame, Locale language, Sse sse) {
        if (frame instanceof LiveFrame.Change c) {
            return sse.newEventBuilder().id(Long.toString(c.change().position())).name(c.change().change().eventType())
                    .data(warning(c, language)).build();
        }
        if (frame instanceof LiveFrame.Resync r) {
            return sse.newEventBuilder().name("resync").data(write(Map.of("reason", r.reason().in(language)))).build();
        }
        return sse.newEventBuilder().name("programme.updated").data(write(frame)).build();
    }

    /** The warning as the change left it, in {@code language} (as kept, in English, without re-reading it). */
    private String warning(LiveFrame.Change c, Locale language) {
        if (!Text.isJapanese(language)) {
            return c.change().warning();
        }
        try {
            return json.writeValueAsString(c.warningIn(language, json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
