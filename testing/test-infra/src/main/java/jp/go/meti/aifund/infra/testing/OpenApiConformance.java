package jp.go.meti.aifund.infra.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every request and answer of a service's REST tests is checked against the service's own OpenAPI
 * document, with Atlassian's swagger-request-validator, as a portal's generated client would meet
 * them: every answer (status, headers, content type, body, nullability) always; the request too
 * when the service accepted it (a test that sends a bad request on purpose is testing the refusal).
 * A difference fails the test that met it. Registered for every {@code @QuarkusTest} of a module by
 * naming this class in a {@code @QuarkusTestResource}.
 */
public class OpenApiConformance implements QuarkusTestResourceLifecycleManager, Filter {

    private static final Set<String> IGNORED = Set.of(
            "validation.request.security.missing", // tests also try requests without a token, by design
            "validation.request.security.invalid");
    private static final AtomicInteger PAUSED = new AtomicInteger();
    private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

    /**
     * Not checked until closed: for a load-shaped test that repeats, thousands of times, the same
     * operations the other tests check (a validation costs about as much as the request).
     */
    public static AutoCloseable paused() {
        PAUSED.incrementAndGet();
        return PAUSED::decrementAndGet;
    }

    @Override
    public Map<String, String> start() {
        RestAssured.filters(this);
        return Map.of();
    }

    @Override
    public void stop() {
        RestAssured.replaceFiltersWith(List.of());
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = request.getURI().replaceFirst("^https?://[^/]+", "");
        if (PAUSED.get() > 0 || !path.startsWith("/api/") || request.getMethod().equals("OPTIONS")) {
            return response; // health, metrics, the documents, the dashboard; CORS preflights are not operations
        }
        String base = request.getURI().substring(0, request.getURI().length() - path.length());
        ValidationReport report = validator(base).validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        boolean accepted = response.statusCode() < 400;
        List<String> problems = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !IGNORED.contains(m.getKey()))
                .filter(m -> accepted || !m.getKey().startsWith("validation.request"))
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + path + " (" + response.statusCode()
                    + ") is not what the OpenAPI document says:\n  " + problems.stream().collect(Collectors.joining("\n  "))
                    + "\nbody: " + response.asString());
        }
        return response;
    }

    private OpenApiInteractionValidator validator(String base) {
        return validators.computeIfAbsent(base, url -> OpenApiInteractionValidator
                .createForSpecificationUrl(url + "/q/openapi?format=json").build());
    }
}
