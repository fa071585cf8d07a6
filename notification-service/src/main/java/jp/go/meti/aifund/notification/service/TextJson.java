package jp.go.meti.aifund.notification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.go.meti.aifund.kernel.Text;

/**
 * A warning's title and detail are kept as their {@link Text} (key and arguments, as JSON) beside the
 * English, so that each reader gets them in their own language. Each argument is tagged with its kind:
 * {@code {"s": "…"}}, {@code {"n": 3}}, {@code {"fy": 2026}}, {@code {"yen": 1000}}, {@code {"day": "2026-04-01"}}, {@code {"at": "2026-04-01T00:00:00Z"}},
 * {@code {"noun": ["notification", "decision.CANCEL"]}}, {@code {"items": […]}}, {@code {"text": {…}}}.
 */
public final class TextJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TextJson() {
    }

    public static String write(Text text) {
        try {
            return JSON.writeValueAsString(node(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Text read(String json) {
        try {
            return text(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable text " + json, e);
        }
    }

    private static ObjectNode node(Text text) {
        ObjectNode node = JSON.createObjectNode().put("key", text.key());
        ArrayNode args = node.putArray("args");
        for (Object arg : text.args()) {
            args.add(arg(arg));
        }
        return node;
    }

    private static JsonNode arg(Object arg) {
        ObjectNode tagged = JSON.createObjectNode();
        if (arg instanceof Text t) {
            tagged.set("text", node(t));
        } else if (arg instanceof Text.FiscalYearArg fy) {
            tagged.put("fy", fy.year());
        } else if (arg instanceof Text.Yen yen) {
            tagged.put("yen", yen.amount());
        } else if (arg instanceof LocalDate day) {
            tagged.put("day", day.toString());
        } else if (arg instanceof Instant at) {
            tagged.put("at", at.toString());
        } else if (arg instanceof Text.Noun noun) {
            tagged.putArray("noun").add(noun.module()).add(noun.name());
        } else if (arg instanceof Text.Items items) {
            ArrayNode list = tagged.putArray("items");
            items.items().forEach(i -> list.add(arg(i)));
        } else if (arg instanceof Long || arg instanceof Integer) {
            tagged.put("n", ((Number) arg).longValue());
        } else {
            tagged.put("s", String.valueOf(arg));
        }
        return tagged;
    }

    private static Text text(JsonNode node) {
        List<Object> args = new ArrayList<>();
        node.get("args").forEach(a -> args.add(arg(a)));
        return new Text(node.get("key").asText(), args.toArray());
    }

    private static Object arg(JsonNode a) {
        if (a.has("text")) {
            return text(a.get("text"));
        }
        if (a.has("fy")) {
            return Text.fiscalYear(a.get("fy").asInt());
        }
        if (a.has("yen")) {
            return Text.yen(a.get("yen").asLong());
        }
        if (a.has("day")) {
            return LocalDate.parse(a.get("day").asText());
        }
        if (a.has("at")) {
            return Instant.parse(a.get("at").asText());
        }
        if (a.has("noun")) {
            return new Text.Noun(a.get("noun").get(0).asText(), a.get("noun").get(1).asText());
        }
        if (a.has("items")) {
            List<Object> items = new ArrayList<>();
            a.get("items").forEach(i -> items.add(arg(i)));
            return new Text.Items(items);
        }
        if (a.has("n")) {
            return a.get("n").asLong();
        }
        return a.get("s").asText();
    }
}
