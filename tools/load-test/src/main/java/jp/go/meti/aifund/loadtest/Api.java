package jp.go.meti.aifund.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.go.meti.aifund.infra.local.DevTokens;

/** The services' REST APIs as the harness calls them: JSON in and out, any answer from 300 up an error. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DevTokens TOKENS = new DevTokens();
    static final String METI = TOKENS.mint("meti.suzuki", "meti-official", Duration.ofHours(2));
    static final String NEDO = TOKENS.mint("nedo.tanaka", "nedo-officer", Duration.ofHours(2));
    static final String ADMIN = TOKENS.mint("admin.sato", "programme-admin", Duration.ofHours(2));
    static final String AUDITOR = TOKENS.mint("auditor.ito", "auditor", Duration.ofHours(2));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4, work -> {
                Thread thread = new Thread(work, "bench-http");
                thread.setDaemon(true); // the harness ends when the report is written
                return thread;
            })).build();

    HttpClient client() {
        return http;
    }

    JsonNode get(String url, String token) throws Exception {
        return request("GET", url, token, null, null);
    }

    /**
     * GET, again while the answer is a 404, for up to 30 s: a resource another service's event makes
     * (milestone-service's copy of a programme just created in funding-service) may not be there yet.
     */
    JsonNode getOnceThere(String url, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response;
        while ((response = send("GET", url, token, null, null)).statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return read("GET", url, response);
    }

    JsonNode post(String url, String token, String idempotencyKey, Object body) throws Exception {
        return request("POST", url, token, idempotencyKey, body);
    }

    JsonNode put(String url, String token, Object body) throws Exception {
        return request("PUT", url, token, null, body);
    }

    private JsonNode request(String method, String url, String token, String idempotencyKey, Object body)
            throws Exception {
        return read(method, url, send(method, url, token, idempotencyKey, body));
    }

    private HttpResponse<String> send(String method, String url, String token, String idempotencyKey, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode read(String method, String url, HttpResponse<String> response) throws Exception {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
