package jp.go.meti.aifund.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A command whose body is optional ({@code POST …/approve}, {@code …/finalize}) may be sent with no
 * body and no Content-Type, as {@code curl -X POST} does: it is read as an empty JSON body instead
 * of being refused with 415.
 */
public class BodilessRequests {

    @ServerRequestFilter(preMatching = true)
    public void readAsEmptyJson(ContainerRequestContext request) {
        if (request.getMediaType() == null && !request.hasEntity()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
