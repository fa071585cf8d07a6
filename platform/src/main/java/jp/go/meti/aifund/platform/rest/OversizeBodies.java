package jp.go.meti.aifund.platform.rest;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body declared longer than {@code quarkus.http.limits.max-body-size} is refused with 413 as a
 * problem document, like every other refusal (Quarkus's own route, just after this one, answers
 * with an empty body). A body up to 1 MiB is read and discarded first, so that the client, still
 * sending, gets the answer rather than a reset connection; a longer one is cut off at once.
 */
@ApplicationScoped
public class OversizeBodies {

    private static final long DRAINED_AT_MOST = 1024 * 1024;
    private final ObjectMapper json;
    private final long limit;

    public OversizeBodies(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.json = json;
        this.limit = limit.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversize);
    }

    private void refuseOversize(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !length.matches("\\d{1,18}")) {
            context.next(); // chunked or malformed: Quarkus's limit applies as the body arrives
            return;
        }
        long declared = Long.parseLong(length);
        if (declared <= limit) {
            context.next();
            return;
        }
        Locale language = Languages.of(request.getHeader(Languages.ACCEPT_LANGUAGE));
        String body = problem(request.path(), declared, language);
        if (declared > DRAINED_AT_MOST) {
            respond(context, body, language, true);
        } else {
            request.handler(ignored -> {
            });
            request.endHandler(done -> respond(context, body, language, false));
            request.resume();
        }
    }

    private void respond(RoutingContext context, String body, Locale language, boolean close) {
        var response = context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(Languages.CONTENT_LANGUAGE, language.getLanguage());
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(ended -> context.request().connection().close());
        }
        response.end(body);
    }

    private String problem(String path, long declared, Locale language) {
        return RouteProblems.json(json, Problem.of(language, "too-large", 413, Languages.text(language,
                "platform.detail.too-large", String.valueOf(declared), String.valueOf(limit)), path, null));
    }
}
