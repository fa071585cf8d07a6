package jp.go.meti.aifund.platform.rest;

import java.util.Locale;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for browser portals: pages of the origins in {@code AIFUND_PORTAL_ORIGINS} may call the API
 * (preflights answered, {@code Location}, {@code ETag}, {@code Retry-After} readable); a page of any
 * other origin is refused with a 403 problem document, like every refusal. Requests without an
 * {@code Origin}, or from the service's own pages (the dashboard), pass untouched.
 */
@ApplicationScoped
public class PortalOrigins {

    static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String HEADERS = "Authorization, Content-Type, Accept, Accept-Language, Idempotency-Key, If-Match, "
            + "If-None-Match, Last-Event-ID";
    static final String EXPOSED = "Location, ETag, Retry-After, WWW-Authenticate";

    private final ObjectMapper json;
    private final List<String> origins;

    public PortalOrigins(ObjectMapper json, @ConfigProperty(name = "aifund.portal-origins") Optional<List<String>> origins) {
        this.json = json;
        this.origins = origins.orElse(List.of());
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 3).handler(this::apply);
    }

    private void apply(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || isOwn(origin, request.getHeader(HttpHeaders.HOST))) {
            context.next();
            return;
        }
        var response = context.response();
        if (!origins.contains(origin)) {
            Locale language = Languages.of(request.getHeader(Languages.ACCEPT_LANGUAGE));
            RouteProblems.send(context, json, Problem.of(language, "origin-not-allowed", 403, Languages.text(language,
                    "platform.detail.origin-not-allowed", origin), request.path(), List.of(new Problem.FieldError("Origin",
                    Languages.text(language, "platform.detail.origin-field")))), language);
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).putHeader(HttpHeaders.VARY, "Origin");
        if (request.method() == HttpMethod.OPTIONS && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HEADERS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600").setStatusCode(204).end();
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        context.next();
    }

    /** A page of the service itself: its origin names the host the request was sent to. */
    private static boolean isOwn(String origin, String host) {
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
