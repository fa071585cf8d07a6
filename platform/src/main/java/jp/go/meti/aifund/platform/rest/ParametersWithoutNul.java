package jp.go.meti.aifund.platform.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jp.go.meti.aifund.platform.rest.Problem.FieldError;

/**
 * A path or query parameter may not hold a NUL character (PostgreSQL text cannot store one, so it
 * could never match): refused as invalid before any resource sees it, like NUL in a JSON body.
 */
public class ParametersWithoutNul {

    @ServerRequestFilter
    public Response refuseNul(ContainerRequestContext request) {
        for (MultivaluedMap<String, String> parameters : List.of(request.getUriInfo().getPathParameters(),
                request.getUriInfo().getQueryParameters())) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                if (parameter.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                    return ProblemMapper.respond(Problem.of("validation", "Invalid request", 400,
                            "The request has 1 invalid field(s)", request.getUriInfo().getPath(),
                            List.of(new FieldError(parameter.getKey(), "may not contain a NUL character"))));
                }
            }
        }
        return null;
    }
}
