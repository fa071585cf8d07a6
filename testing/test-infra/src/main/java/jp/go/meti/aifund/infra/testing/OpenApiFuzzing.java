package jp.go.meti.aifund.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.inject.spi.CDI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;

/**
 * Hostile requests generated from a service's OpenAPI document: for every operation, a plausible
 * request, then one mutation at a time of each body field (missing, null, wrong type, boundary and
 * overflowing numbers, huge, empty and unicode strings with a NUL, malformed ids, dates and enum
 * values), extra fields, broken bodies, and each query and path parameter. Checked for each: no 5xx;
 * every 4xx an {@code application/problem+json} document with its status; and a rejected request
 * changes nothing: the database, every table but those background jobs write, is fingerprinted
 * before and after each rejected write. The counts are printed.
 */
public abstract class OpenApiFuzzing {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String UNICODE = "Ω≈ç√ 日本語テキスト 🚀 \u202e\u0000 \uFEFF";
    private static final String HUGE = "あ".repeat(30_000); // 90 KB in UTF-8, over the body limit
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = Tokens.of("fuzz.tester", AuthorizationMatrix.ROLES.toArray(String[]::new));
    private JsonNode document;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();
    private String fingerprint;

    /** Real values for path parameters by name (an existing programme, say), so requests reach deeper. */
    protected abstract Map<String, String> pathValues();

    /** Tables that scheduled jobs or consumers write on their own (the outbox, the inbox…): not fingerprinted. */
    protected Set<String> tablesWrittenInTheBackground() {
        return Set.of("outbox_event", "processed_event", "flyway_schema_history");
    }

    /** Endpoints that stream and never end: not fuzzed. */
    protected Set<String> streaming() {
        return Set.of();
    }

    @Test
    void hostileRequestsAreRefusedWithProblemDocumentsAndChangeNothing() throws Exception {
        document = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        fingerprint = fingerprint();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)
                        && !streaming().contains(method + " " + path.getKey())) {
                    operations++;
                    fuzz(method, path.getKey(), op.getValue());
                }
            }
        }
        int requests = statuses.values().stream().mapToInt(Integer::intValue).sum();
        long errors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("OpenAPI fuzzing: %d operations, %d requests, responses by status %s, %d 5xx, %d findings%n",
                operations, requests, statuses, errors, wrong.size());
        assertThat(wrong).as("findings").isEmpty();
        assertThat(requests).isGreaterThan(operations * 10);
    }

    private void fuzz(String method, String template, JsonNode operation) throws Exception {
        Map<String, JsonNode> query = new LinkedHashMap<>();
        Map<String, String> path = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.get("in").asText().equals("query")) { // headers: the Idempotency-Key is always sent
                query.put(parameter.get("name").asText(), resolve(parameter.path("schema")));
            }
        }
        Matcher parameters = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (parameters.find()) {
            String name = parameters.group(1);
            path.put(name, pathValues().getOrDefault(name, name.equals("fiscalYear") ? "2026" : UUID.randomUUID().toString()));
        }
        JsonNode bodySchema = resolve(operation.path("requestBody").path("content").path("application/json").path("schema"));
        JsonNode body = bodySchema.isMissingNode() ? null : plausible(bodySchema, 0);
        String target = method + " " + template;

        send(target, method, url(template, path, Map.of()), body == null ? null : body.toString());
        if (body instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = bodySchema.path("properties").fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                for (JsonNode value : hostile(resolve(field.getValue()))) {
                    ObjectNode mutated = object.deepCopy();
                    if (value == null) {
                        mutated.remove(field.getKey());
                    } else {
                        mutated.set(field.getKey(), value);
                    }
                    send(target + " with " + field.getKey() + "=" + abbreviate(value), method, url(template, path, Map.of()),
                            mutated.toString());
                }
            }
            ObjectNode extra = object.deepCopy();
            extra.put("notAField", 1);
            send(target + " with an extra field", method, url(template, path, Map.of()), extra.toString());
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            for (String broken : List.of("", "null", "[]", "{", "\"text\"", "{\"a\":" + "[".repeat(2000), "{" + HUGE + "}")) {
                send(target + " with body " + abbreviate(NODES.textNode(broken)), method, url(template, path, Map.of()),
                        broken);
            }
        }
        for (String name : query.keySet()) {
            for (String value : List.of("abc", "-1", "0", "99999999999999999999", "", UNICODE, "x".repeat(2000))) {
                send(target + " with ?" + name + "=" + abbreviate(NODES.textNode(value)), method,
                        url(template, path, Map.of(name, value)), body == null ? null : body.toString());
            }
        }
        for (String name : path.keySet()) {
            for (String value : List.of("not-an-id", "0", "-1", "99999999999999999999", UNICODE, "x".repeat(1000))) {
                Map<String, String> mutated = new LinkedHashMap<>(path);
                mutated.put(name, value);
                send(target + " with {" + name + "}=" + abbreviate(NODES.textNode(value)), method,
                        url(template, mutated, Map.of()), body == null ? null : body.toString());
            }
        }
    }

    private void send(String what, String method, URI uri, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            wrong.add(what + ": no response (" + e + ")");
            return;
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            wrong.add(what + ": " + status + " " + abbreviate(NODES.textNode(response.body())));
        } else if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                wrong.add(what + ": " + status + " as " + type + ", not a problem document");
            } else if (JSON.readTree(response.body()).path("status").asInt() != status) {
                wrong.add(what + ": a problem document whose status is not " + status);
            }
        }
        if (!method.equals("GET")) {
            String after = fingerprint();
            if (status >= 400 && !after.equals(fingerprint)) {
                wrong.add(what + ": rejected with " + status + " but changed " + changedTables(fingerprint, after));
            }
            fingerprint = after;
        }
    }

    /** A request that satisfies the schema as far as it says (values the service may still refuse). */
    private JsonNode plausible(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(),
                            pathValues().containsKey(p.getKey()) ? known(p.getKey(), resolve(p.getValue()))
                                    : plausible(p.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(plausible(schema.path("items"), depth + 1));
            case "integer", "number" -> NODES.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(switch (schema.path("format").asText()) {
                case "uuid" -> pathValues().values().stream().filter(v -> v.length() == 36).findFirst()
                        .orElse(UUID.randomUUID().toString());
                case "date" -> "2026-05-01";
                case "date-time" -> "2026-05-01T00:00:00Z";
                case "uri" -> "https://example.org/evidence";
                default -> "fuzz";
            });
        };
    }

    /** A field named like a path parameter (recipientId, fiscalYear…) takes its real value. */
    private JsonNode known(String name, JsonNode schema) {
        String value = pathValues().get(name);
        return Set.of("integer", "number").contains(type(schema)) ? NODES.numberNode(Long.parseLong(value))
                : NODES.textNode(value);
    }

    /** The hostile values for a field of that schema ({@code null} in the list: the field left out). */
    private static List<JsonNode> hostile(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        values.add(null);
        values.add(NODES.nullNode());
        values.add(NODES.objectNode());
        values.add(NODES.arrayNode());
        switch (type(schema)) {
            case "integer", "number" -> {
                values.add(NODES.textNode("abc"));
                values.add(NODES.booleanNode(true));
                for (String number : List.of("0", "-1", "1.5", "2147483648", "9223372036854775807", "-9223372036854775808",
                        "9223372036854775808", "1e400", "-0")) {
                    values.add(NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(number)));
                }
            }
            case "boolean" -> {
                values.add(NODES.textNode("yes"));
                values.add(NODES.numberNode(1));
            }
            case "array" -> {
                values.add(NODES.textNode("x"));
                values.add(NODES.arrayNode().add(NODES.nullNode()));
            }
            case "object" -> values.add(NODES.textNode("x"));
            default -> {
                values.add(NODES.numberNode(12345));
                values.add(NODES.booleanNode(false));
                for (String text : List.of("", " ", UNICODE, "x".repeat(20_000), "not-a-uuid", "2026-02-30",
                        "NOT_A_VALUE", "'; DROP TABLE tranche; --", "<script>alert(1)</script>")) {
                    values.add(NODES.textNode(text));
                }
            }
        }
        return values;
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return resolve(document.path("components").path("schemas").path(name));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as {@code ["string", "null"]}. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.isMissingNode() ? (schema.has("properties") ? "object" : "string") : type.asText();
    }

    private URI url(String template, Map<String, String> path, Map<String, String> query) {
        String url = template;
        for (Map.Entry<String, String> p : path.entrySet()) {
            url = url.replace("{" + p.getKey() + "}", URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return URI.create(base() + url + q);
    }

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** One digest per table of everything in it, except what the background writes. */
    private String fingerprint() throws SQLException {
        StringBuilder all = new StringBuilder();
        // the service's own datasource bean: the test runs inside the application under test
        try (Connection c = CDI.current().select(DataSource.class).get().getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                    + "ORDER BY tablename")) {
                while (rs.next()) {
                    if (!tablesWrittenInTheBackground().contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) FROM "
                        + table + " t")) {
                    rs.next();
                    all.append(table).append('=').append(rs.getString(1)).append(' ');
                }
            }
        }
        return all.toString();
    }

    private static String changedTables(String before, String after) {
        List<String> changed = new ArrayList<>();
        List<String> a = List.of(before.split(" "));
        for (String table : after.split(" ")) {
            if (!a.contains(table)) {
                changed.add(table.substring(0, table.indexOf('=')));
            }
        }
        return changed.toString();
    }

    private static String abbreviate(JsonNode value) {
        String text = value == null ? "<missing>" : value.isTextual() ? '"' + value.asText() + '"' : value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
    }
}
