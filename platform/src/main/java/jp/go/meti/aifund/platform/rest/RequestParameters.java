package jp.go.meti.aifund.platform.rest;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.platform.rest.Problem.FieldError;

/**
 * Path and query parameters are checked against the operation's own declaration before any
 * resource sees them, so that a bad one is a 400 naming it, never the 404 that JAX-RS prescribes
 * for a value it cannot convert (a portal reads 404 as "gone"). Refused: a parameter the operation
 * does not take ({@code sort=}), one given twice, a value of the wrong type (a number, a UUID in
 * canonical form, one of an enumeration's values exactly as documented, a calendar date
 * {@code YYYY-MM-DD}, {@code true}/{@code false}), and a NUL character, which PostgreSQL text
 * cannot hold.
 */
public class RequestParameters {

    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern DATE_FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Locale language = Languages.of(request.getHeaderString(Languages.ACCEPT_LANGUAGE));
        List<FieldError> errors = method == null ? nul(request, language) : check(request, method, language);
        if (errors.isEmpty()) {
            return null;
        }
        return ProblemMapper.respond(Problem.of(language, "validation", 400, Languages.text(language,
                "platform.detail.invalid-parameters", errors.size()), request.getUriInfo().getPath(), errors), language);
    }

    private static List<FieldError> check(ContainerRequestContext request, Method method, Locale language) {
        List<FieldError> errors = new ArrayList<>();
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        List<String> declared = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            boolean inQuery = p.isAnnotationPresent(RestQuery.class);
            if (!inQuery && !p.isAnnotationPresent(RestPath.class)) {
                continue;
            }
            String named = inQuery ? p.getAnnotation(RestQuery.class).value() : p.getAnnotation(RestPath.class).value();
            String name = named.isEmpty() ? p.getName() : named;
            List<String> values = (inQuery ? query : path).getOrDefault(name, List.of());
            if (inQuery) {
                declared.add(name);
                if (values.size() > 1) {
                    errors.add(new FieldError(name, Languages.text(language, "platform.reason.repeated",
                            String.valueOf(values.size()))));
                    continue;
                }
            }
            values.stream().map(v -> reasonAgainst(p.getType(), v)).filter(r -> r != null).findFirst()
                    .ifPresent(reason -> errors.add(new FieldError(name, reason.in(language))));
        }
        query.keySet().stream().filter(name -> !declared.contains(name)).sorted()
                .forEach(name -> errors.add(new FieldError(name, declared.isEmpty()
                        ? Languages.text(language, "platform.reason.no-parameters")
                        : Languages.text(language, "platform.reason.not-a-parameter", String.join(", ", declared)))));
        return errors;
    }

    /** Outside a resource method (no operation matched), only the NUL rule applies. */
    private static List<FieldError> nul(ContainerRequestContext request, Locale language) {
        List<FieldError> errors = new ArrayList<>();
        for (MultivaluedMap<String, String> parameters : List.of(request.getUriInfo().getPathParameters(),
                request.getUriInfo().getQueryParameters())) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                if (parameter.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                    errors.add(new FieldError(parameter.getKey(), Languages.text(language, "platform.reason.nul")));
                }
            }
        }
        return errors;
    }

    /** Why {@code value} is not a {@code type} (in the words the body's reasons use), or null when it is one. */
    static Text reasonAgainst(Class<?> type, String value) {
        if (value.indexOf('\u0000') >= 0) {
            return new Text("platform.reason.nul");
        }
        return reads(type, value) ? null : new Text("platform.reason.not-this", JsonReasons.mustBe(type), value);
    }

    private static boolean reads(Class<?> type, String value) {
        if (type == int.class || type == Integer.class) {
            return parses(() -> Integer.parseInt(value));
        }
        if (type == long.class || type == Long.class) {
            return parses(() -> Long.parseLong(value));
        }
        if (type == boolean.class || type == Boolean.class) {
            return value.equals("true") || value.equals("false");
        }
        if (type == UUID.class) {
            return UUID_FORM.matcher(value).matches();
        }
        if (type == LocalDate.class) {
            return DATE_FORM.matcher(value).matches() && parses(() -> LocalDate.parse(value));
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
        }
        return true;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
