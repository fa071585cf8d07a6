package jp.go.meti.aifund.platform.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
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
import jp.go.meti.aifund.kernel.DomainException;
import jp.go.meti.aifund.kernel.FourEyesViolationException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.kernel.NotPermittedException;
import jp.go.meti.aifund.kernel.StaleVersionException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.platform.repository.TransientFailure;
import jp.go.meti.aifund.platform.rest.Problem.FieldError;

/**
 * Every error leaves as {@code application/problem+json}: one mapper per family, the offending
 * field and the reason, never a class name or a stack trace. Unexpected errors are logged with an
 * id that the problem document gives, so support can find them. A service adds mappers for its own
 * families with {@link #respond(Problem, Locale)}.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** The HTTP statuses with a title of their own in the texts; others are titled "HTTP <status>". */
    private static final Set<Integer> HTTP_TITLED = Set.of(404, 405, 406, 415);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, ResourceInfo resource, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(isAbsentBody(v, resource)
                    ? new FieldError("body", Languages.text(language, "platform.detail.body-required"))
                    : new FieldError(fieldOf(v.getPropertyPath()), messageOf(v, language)));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return respond(Problem.of(language, "validation", 400,
                Languages.text(language, "platform.detail.invalid-fields", errors.size()), path(uri), errors), language);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return respond(Problem.of(language, "validation", 400, e.message(language), path(uri),
                List.of(new FieldError(e.field(), e.reason(language)))), language);
    }

    /** Registered for the exact type so that it replaces Quarkus' own mapper, which has no body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadable(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        String field = fieldOf(e);
        String reason = JsonReasons.of(e).in(language);
        return respond(Problem.of(language, "malformed-request", 400,
                Languages.text(language, "platform.detail.unreadable", field, reason), path(uri),
                List.of(new FieldError(field, reason))), language);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        return refusal(e, "conflict", 409, uri, headers);
    }

    @ServerExceptionMapper
    public Response stale(StaleVersionException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return Response.status(412).type(Problem.MEDIA_TYPE).header(HttpHeaders.ETAG, e.current())
                .header(Languages.CONTENT_LANGUAGE, language.getLanguage())
                .entity(Problem.of(language, "stale-version", 412, e.message(language), path(uri),
                        List.of(new FieldError(ETags.IF_MATCH, Languages.text(language, "platform.detail.stale-version")))))
                .build();
    }

    @ServerExceptionMapper
    public Response fourEyes(FourEyesViolationException e, UriInfo uri, HttpHeaders headers) {
        return refusal(e, "four-eyes", 403, uri, headers);
    }

    @ServerExceptionMapper
    public Response notPermitted(NotPermittedException e, UriInfo uri, HttpHeaders headers) {
        return refusal(e, "not-permitted", 403, uri, headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return refusal(e, "not-found", 404, uri, headers);
    }

    /** A domain refusal of {@code type}: its own words, in the caller's language where it has them. */
    public static Response refusal(DomainException e, String type, int status, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return respond(Problem.of(language, type, status, e.message(language), path(uri), null), language);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        Problem problem = Problem.of(language, "unauthorized", 401,
                Languages.text(language, "platform.detail.unauthorized"), path(uri), null);
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .header(Languages.CONTENT_LANGUAGE, language.getLanguage()).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        String detail = Roles.neededFor(resource.getResourceMethod())
                .map(r -> Languages.text(language, "platform.detail.forbidden-needs", r))
                .orElseGet(() -> Languages.text(language, "platform.detail.forbidden"));
        return respond(Problem.of(language, "forbidden", 403, detail, path(uri), null), language);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri, headers);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        Locale language = Languages.of(headers);
        String title = HTTP_TITLED.contains(status) ? Languages.text(language, "platform.problem.http-" + status + ".title")
                : Languages.text(language, "platform.problem.http.title", String.valueOf(status));
        return respond(new Problem(java.net.URI.create(Problem.TYPE_BASE + "http-" + status), title, status,
                Languages.text(language, "platform.detail.http", title, uri.getPath()), path(uri), null), language);
    }

    @ServerExceptionMapper({LockAcquisitionException.class, PessimisticLockException.class,
            LockTimeoutException.class, QueryTimeoutException.class, JDBCConnectionException.class})
    public Response unavailable(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        LOG.warnf("database unavailable for %s: %s", uri.getPath(), e.getMessage());
        Locale language = Languages.of(headers);
        Problem problem = Problem.of(language, "unavailable", 503,
                Languages.text(language, "platform.detail.unavailable"), path(uri), null);
        return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "2")
                .header(Languages.CONTENT_LANGUAGE, language.getLanguage()).entity(problem).build();
    }

    /** A unique or check constraint refused a write that raced another request; nothing was changed. */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        LOG.infof("constraint %s refused a write to %s", e.getConstraintName(), uri.getPath());
        Locale language = Languages.of(headers);
        return respond(Problem.of(language, "conflict", 409, Languages.text(language,
                "platform.detail.concurrent-change", e.getConstraintName()), path(uri), null), language);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            // a failure at commit arrives wrapped by the transaction manager
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return constraint(violation, uri, headers);
            }
        }
        if (TransientFailure.isTransient(e)) {
            return unavailable(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e), uri, headers);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        Locale language = Languages.of(headers);
        return respond(Problem.of(language, "internal", 500, Languages.text(language, "platform.detail.internal", errorId),
                path(uri), null), language);
    }

    /** The problem document, said in {@code language} (Content-Language). */
    public static Response respond(Problem problem, Locale language) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .header(Languages.CONTENT_LANGUAGE, language.getLanguage()).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri.getPath();
    }

    /**
     * The violation's message in {@code language}: its template interpolated again, as Hibernate Validator
     * would for that locale (its own bundles say the standard constraints in Japanese).
     */
    private static String messageOf(ConstraintViolation<?> v, Locale language) {
        if (!Text.isJapanese(language)) {
            return v.getMessage();
        }
        MessageInterpolator interpolator = Arc.container().instance(ValidatorFactory.class).get().getMessageInterpolator();
        return interpolator.interpolate(v.getMessageTemplate(), new MessageInterpolator.Context() {
            @Override
            public ConstraintDescriptor<?> getConstraintDescriptor() {
                return v.getConstraintDescriptor();
            }

            @Override
            public Object getValidatedValue() {
                return v.getInvalidValue();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new jakarta.validation.ValidationException("not unwrappable to " + type);
            }
        }, language);
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
