package jp.go.meti.aifund.platform.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyesViolationException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.kernel.NotPermittedException;
import jp.go.meti.aifund.kernel.StaleVersionException;
import jp.go.meti.aifund.platform.repository.TransientFailure;
import jp.go.meti.aifund.platform.rest.Problem.FieldError;

/**
 * Every error leaves as {@code application/problem+json}: one mapper per family, the offending
 * field and the reason, never a class name or a stack trace. Unexpected errors are logged with an
 * id that the problem document gives, so support can find them. A service adds mappers for its own
 * families with {@link #respond(Problem)}.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, ResourceInfo resource) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(isAbsentBody(v, resource) ? new FieldError("body", "is required: send a JSON object")
                    : new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return respond(Problem.of("validation", "Invalid request", 400,
                "The request has " + errors.size() + " invalid field(s)", path(uri), errors));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return respond(Problem.of("validation", "Invalid request", 400, e.getMessage(), path(uri),
                List.of(new FieldError(e.field(), e.reason()))));
    }

    /** Registered for the exact type so that it replaces Quarkus' own mapper, which has no body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = fieldOf(e);
        String reason = JsonReasons.of(e);
        return respond(Problem.of("malformed-request", "Malformed request body", 400,
                "The body could not be read: " + field + " " + reason, path(uri), List.of(new FieldError(field, reason))));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return respond(Problem.of("conflict", "Not allowed in the current state", 409, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response stale(StaleVersionException e, UriInfo uri) {
        return Response.status(412).type(Problem.MEDIA_TYPE).header(HttpHeaders.ETAG, e.current())
                .entity(Problem.of("stale-version", "The resource changed since it was read", 412, e.getMessage(),
                        path(uri), List.of(new FieldError(ETags.IF_MATCH, "names a version that is no longer current"))))
                .build();
    }

    @ServerExceptionMapper
    public Response fourEyes(FourEyesViolationException e, UriInfo uri) {
        return respond(Problem.of("four-eyes", "Another person must do this", 403, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response notPermitted(NotPermittedException e, UriInfo uri) {
        return respond(Problem.of("not-permitted", "Not permitted", 403, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of("not-found", "Not found", 404, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = Problem.of("unauthorized", "Authentication required", 401,
                "A valid bearer token is required", path(uri), null);
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "Your roles do not allow this request"
                + Roles.neededFor(resource.getResourceMethod()).map(r -> ": it needs " + r).orElse(""),
                path(uri), null));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return respond(Problem.of("http-" + status, title, status, title + ": " + uri.getPath(), path(uri), null));
    }

    @ServerExceptionMapper({LockAcquisitionException.class, PessimisticLockException.class,
            LockTimeoutException.class, QueryTimeoutException.class, JDBCConnectionException.class})
    public Response unavailable(RuntimeException e, UriInfo uri) {
        LOG.warnf("database unavailable for %s: %s", uri.getPath(), e.getMessage());
        Problem problem = Problem.of("unavailable", "Temporarily unavailable", 503,
                "The database is unavailable or busy; nothing was changed. Retry with the same Idempotency-Key.", path(uri),
                null);
        return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "2").entity(problem)
                .build();
    }

    /** A unique or check constraint refused a write that raced another request; nothing was changed. */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        LOG.infof("constraint %s refused a write to %s", e.getConstraintName(), uri.getPath());
        return respond(Problem.of("conflict", "Not allowed in the current state", 409,
                "A concurrent request changed the same record first (" + e.getConstraintName()
                        + "); nothing was changed. Read it again and retry.", path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            // a failure at commit arrives wrapped by the transaction manager
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return constraint(violation, uri);
            }
        }
        if (TransientFailure.isTransient(e)) {
            return unavailable(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e), uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return respond(Problem.of("internal", "Internal error", 500,
                "An unexpected error occurred. Error id " + errorId, path(uri), null));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri.getPath();
    }

    /** A {@code @NotNull} body parameter that was sent without a body (a body is neither a path nor a query parameter). */
    private static boolean isAbsentBody(ConstraintViolation<?> v, ResourceInfo resource) {
        Path.Node leaf = null;
        for (Path.Node node : v.getPropertyPath()) {
            leaf = node;
        }
        if (v.getInvalidValue() != null || leaf == null || leaf.getKind() != ElementKind.PARAMETER
                || resource.getResourceMethod() == null) {
            return false;
        }
        java.lang.reflect.Parameter parameter = resource.getResourceMethod().getParameters()[
                leaf.as(Path.ParameterNode.class).getParameterIndex()];
        return parameter.getAnnotations().length == 0 || java.util.Arrays.stream(parameter.getAnnotations())
                .allMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.validation"));
    }

    /**
     * {@code plan.command.amount} → {@code amount}, {@code propose.command.shares[1].recipientId} →
     * {@code shares[1].recipientId}; a query parameter keeps its own name.
     */
    static String fieldOf(Path path) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null && !properties.isEmpty()) {
                int last = properties.size() - 1;
                properties.set(last, properties.get(last) + "[" + node.getIndex() + "]");
            }
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                properties.add(node.getName());
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
        }
        return properties.isEmpty() ? String.valueOf(parameter) : String.join(".", properties);
    }

    /** The JSON field that could not be read, or "body" when the JSON itself is broken. */
    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return fieldOf(mapping.getPath());
        }
        boolean atAField = e instanceof InputCoercionException
                || e instanceof JsonParseException parse && String.valueOf(parse.getOriginalMessage()).startsWith("Duplicate field");
        if (atAField && e instanceof StreamReadException read && read.getProcessor() != null) {
            try {
                String name = read.getProcessor().currentName();
                return name == null ? "body" : name;
            } catch (java.io.IOException | RuntimeException unavailable) {
                return "body";
            }
        }
        return "body";
    }

    private static String fieldOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }
}
