package jp.go.meti.aifund.infra.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client of a {@code text/event-stream} as the HTML standard parses one: frames of {@code id},
 * {@code event}, {@code data} and {@code retry} fields, comments apart, the last event id kept
 * for a resumption. It reads on a thread of its own until closed or cut.
 */
public final class EventStream implements AutoCloseable {

    /** A dispatched event: {@code id} is null when the frame had none. */
    public record Frame(String id, String event, String data, Instant receivedAt) {
    }

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final int status;
    private final InputStream body;
    private final Thread reader;
    private volatile Long retry;
    private volatile String lastEventId;
    private volatile Instant endedAt;
    private volatile Throwable failure;

    private EventStream(HttpResponse<InputStream> response, String lastEventId) {
        this.status = response.statusCode();
        this.body = response.body();
        this.lastEventId = lastEventId;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code url} with a bearer token, resuming after {@code lastEventId} when it is not null. */
    public static EventStream open(String url, String token, String lastEventId) {
        return open(url, token, lastEventId, null);
    }

    /** As {@link #open(String, String, String)}, asking for {@code language} (Accept-Language) when it is not null. */
    public static EventStream open(String url, String token, String lastEventId, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), lastEventId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        frames.add(new Frame(id, event, data.toString(), Instant.now()));
                    }
                    id = null;
                    event = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> {
                        id = value;
                        lastEventId = value;
                    }
                    case "event" -> event = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    case "retry" -> retry = Long.parseLong(value);
                    default -> {
                        // the standard ignores unknown fields
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            endedAt = Instant.now();
        }
    }

    public int status() {
        return status;
    }

    public List<Frame> frames() {
        return new ArrayList<>(frames);
    }

    /** The frames named {@code event}. */
    public List<Frame> frames(String event) {
        return frames.stream().filter(f -> event.equals(f.event())).toList();
    }

    public List<String> comments() {
        return new ArrayList<>(comments);
    }

    public Long retry() {
        return retry;
    }

    public String lastEventId() {
        return lastEventId;
    }

    /** Whether the server still holds the stream open. */
    public boolean open() {
        return endedAt == null;
    }

    /** How it ended, when the server or the network cut it (null while open or when it ended cleanly). */
    public Throwable failure() {
        return failure;
    }

    /** The counts of what was received, for a test's message. */
    public Map<String, Integer> summary() {
        return Map.of("frames", frames.size(), "comments", comments.size());
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing a cut stream
        }
        reader.interrupt();
    }
}
