package jp.go.meti.aifund.infra.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of a service's OpenAPI document × every role × a valid, absent, expired, forged
 * or foreign-issuer token: the expected status of each is asserted (an allowed call must not fail
 * with 5xx either). A service's test lists which
 * roles each endpoint allows; an endpoint of the document without an entry fails the test, so a
 * new endpoint cannot ship without its decision. Path parameters are random ids (2026 for a year),
 * so an allowed call answers anything but 401 and 403 (typically 404, 400 or 409).
 */
public abstract class AuthorizationMatrix {

    /** The people of the programme: ministry, agency, recipients, auditors. */
    private static final List<String> PROGRAMME_ROLES = List.of("programme-admin", "meti-official", "nedo-officer",
            "consortium-member", "auditor");
    /** Every role a token may carry: the programme's people and the independent verifier. */
    public static final List<String> ROLES = List.of("programme-admin", "meti-official", "nedo-officer",
            "consortium-member", "auditor", "verifier");
    private static final String ANYONE = "*";
    /** The platform's endpoints, which every service has: decided once, here. */
    private static final Map<String, Set<String>> PLATFORM = Map.of("GET /api/me", Set.of(ANYONE),
            "GET /api/audit", Set.of("auditor"), "GET /api/audit/verification", Set.of("auditor"));

    /** The service's own endpoints: "METHOD /path" → the roles it allows ({@link #anyRole()} for all). */
    protected abstract Map<String, Set<String>> allowedRoles();

    private Map<String, Set<String>> decisions() {
        Map<String, Set<String>> all = new HashMap<>(PLATFORM);
        all.putAll(allowedRoles());
        return all;
    }

    /** Every role of the programme's people; the independent verifier is allowed only where it is named. */
    protected static Set<String> anyRole() {
        return Set.copyOf(PROGRAMME_ROLES);
    }

    /** {@code roles} and the verifier. */
    protected static Set<String> andVerifier(Set<String> roles) {
        Set<String> with = new HashSet<>(roles);
        with.add("verifier");
        return with;
    }

    /** Endpoints that stream and never end for an allowed caller: only their refusals are checked. */
    protected Set<String> streaming() {
        return Set.of();
    }

    @Test
    void everyEndpointRoleAndTokenGetsItsExpectedStatus() {
        Map<String, Object> document = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> endpoints = new TreeSet<>();
        Set<String> withBody = new HashSet<>();
        document.forEach((path, operations) -> ((Map<?, ?>) operations).forEach((method, operation) -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                String endpoint = method.toString().toUpperCase() + " " + path;
                endpoints.add(endpoint);
                if (((Map<?, ?>) operation).containsKey("requestBody")) {
                    withBody.add(endpoint);
                }
            }
        }));
        Map<String, Set<String>> decisions = decisions();
        assertThat(decisions.keySet()).as("endpoints in the matrix").containsExactlyInAnyOrderElementsOf(endpoints);

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            Set<String> allowed = decisions.get(endpoint);
            boolean body = withBody.contains(endpoint);
            for (String role : ROLES) {
                Map<String, Function<String, String>> invalid = Map.of("expired", r -> Tokens.expired("matrix", r),
                        "forged", r -> Tokens.forged("matrix", r), "foreign issuer", r -> Tokens.wrongIssuer("matrix", r));
                for (var token : invalid.entrySet()) {
                    checked++;
                    expect(wrong, endpoint, role + " with an " + token.getKey() + " token",
                            call(given().auth().oauth2(token.getValue().apply(role)), method, path, body), 401);
                }
                boolean allows = allowed.contains(ANYONE) || allowed.contains(role);
                if (allows && streaming().contains(endpoint)) {
                    continue;
                }
                checked++;
                int status = call(given().auth().oauth2(Tokens.of("matrix", role)), method, path, body).statusCode();
                if (allows ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    wrong.add(endpoint + " as " + role + ": " + status + (allows ? ", but the role is allowed" : ", not 403"));
                }
            }
            checked++;
            expect(wrong, endpoint, "no token", call(given(), method, path, body), 401);
        }
        System.out.printf("authorization matrix: %d endpoints × %d roles × (valid, expired, forged, foreign-issuer "
                + "token) + no token: %d requests, %d unexpected%n", endpoints.size(), ROLES.size(), checked, wrong.size());
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> wrong, String endpoint, String who, Response response, int status) {
        if (response.statusCode() != status) {
            wrong.add(endpoint + " with " + who + ": " + response.statusCode() + ", not " + status);
        }
    }

    /** An empty JSON object as the body of an operation that takes one (as documented), no body otherwise. */
    private static Response call(RequestSpecification request, String method, String path, boolean body) {
        RequestSpecification r = request.header("Idempotency-Key", UUID.randomUUID().toString());
        return (body ? r.contentType("application/json").body("{}") : r).request(method, path);
    }

    /** Random ids for path parameters, 2026 for a fiscal year. */
    private static String concrete(String template) {
        return template.replaceAll("\\{fiscalYear}", "2026").replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
