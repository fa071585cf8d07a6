package jp.go.meti.aifund.platform.rest;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Request headers longer than {@code aifund.http.max-header-size} (16 KiB) are refused with 431 as
 * a problem document. The HTTP decoder's own limit ({@code quarkus.http.limits.max-header-size}) is
 * set higher, because what it refuses gets an empty 431; beyond that limit it still does.
 */
@ApplicationScoped
public class OversizeHeaders {

    private final ObjectMapper json;
    private final long limit;

    public OversizeHeaders(ObjectMapper json, @ConfigProperty(name = "aifund.http.max-header-size") MemorySize limit) {
        this.json = json;
        this.limit = limit.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::refuseOversize);
    }

    private void refuseOversize(RoutingContext context) {
        long size = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4; // "name: value\r\n"
        }
        if (size <= limit) {
            context.next();
            return;
        }
        Locale language = Languages.of(context.request().getHeader(Languages.ACCEPT_LANGUAGE));
        RouteProblems.send(context, json, Problem.of(language, "headers-too-large", 431, Languages.text(language,
                "platform.detail.headers-too-large", String.valueOf(size), String.valueOf(limit)), context.request().path(), null),
                language);
    }
}
