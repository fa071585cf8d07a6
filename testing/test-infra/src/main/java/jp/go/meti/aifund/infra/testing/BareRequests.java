package jp.go.meti.aifund.infra.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests exactly as a plain client sends them. RestAssured always adds a Content-Type to a POST;
 * {@code curl -X POST} sends none, and that is what these send.
 */
public final class BareRequests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BareRequests() {
    }

    /** POST with no body and no Content-Type; returns the status code. */
    public static int postWithoutBody(String url, String bearerToken, String... headerNamesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearerToken).POST(HttpRequest.BodyPublishers.noBody());
        if (headerNamesAndValues.length > 0) {
            request.headers(headerNamesAndValues);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
