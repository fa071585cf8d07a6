package jp.go.meti.aifund.milestone.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jp.go.meti.aifund.infra.testing.Tokens;
import jp.go.meti.aifund.platform.rest.Problem;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * The milestone API as a portal calls it, with the people of the test cast: two NEDO officers who
 * define milestones, record results and submit, and two METI officials who return and finalize.
 */
public final class ReviewApi {

    public static final String ADMIN = "admin.sato";
    public static final String NEDO = "nedo.tanaka";
    public static final String NEDO_2 = "nedo.kato";
    public static final String METI = "meti.suzuki";
    public static final String METI_2 = "meti.takahashi";
    public static final String DIGEST = "sha256:" + "3f".repeat(32);
    /** A day within FY2026 that has passed. */
    public static final LocalDate MEASURED_ON = LocalDate.of(2026, 10, 1);

    private ReviewApi() {
    }

    public static RequestSpecification as(String person, String... roles) {
        return bearer(Tokens.of(person, roles));
    }

    /** A JSON request with this bearer token (e.g. a consortium member's, see {@link Tokens#member}). */
    public static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(ADMIN, Roles.PROGRAMME_ADMIN);
    }

    public static RequestSpecification nedo() {
        return as(NEDO, Roles.NEDO_OFFICER);
    }

    public static RequestSpecification meti() {
        return as(METI, Roles.METI_OFFICIAL);
    }

    /** The absolute URL of a path of the application under test, for clients other than RestAssured. */
    public static String url(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    /** Asserts a refusal: the status, and a problem document of the given type that says why. */
    public static ValidatableResponse refused(Response response, int status, String type) {
        return response.then().statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + type)).body("status", equalTo(status))
                .body("detail", notNullValue());
    }

    /**
     * A new programme FY2024–FY2030: programmes belong to funding-service, so it is announced as
     * funding-service does (a programme event on the broker) and awaited in this service's copy.
     */
    public static String newProgramme() {
        return Programmes.known().id();
    }

    /** A milestone definition: at least {@code target} points, acceptable from {@code threshold}. */
    public static Map<String, Object> milestone(String code, Object target, Object threshold, int weight,
            boolean critical) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("title", code + " milestone");
        m.put("metric", code.toLowerCase() + " measured");
        m.put("unit", "points");
        m.put("direction", "AT_LEAST");
        m.put("target", target);
        m.put("threshold", threshold);
        m.put("weightBasisPoints", weight);
        m.put("critical", critical);
        return m;
    }

    public static Response define(String programme, int fiscalYear, Map<String, Object> definition) {
        return nedo().body(definition).post("/api/programmes/{p}/fiscal-years/{fy}/milestones", programme, fiscalYear);
    }

    public static String defined(String programme, int fiscalYear, Map<String, Object> definition) {
        return define(programme, fiscalYear, definition).then().statusCode(201).extract().path("id");
    }

    public static String opened(String programme, int fiscalYear) {
        return nedo().post("/api/programmes/{p}/fiscal-years/{fy}/reviews", programme, fiscalYear)
                .then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> result(Object value, LocalDate asOf) {
        Map<String, Object> result = new HashMap<>();
        result.put("value", value);
        result.put("unit", "points");
        result.put("asOf", asOf.toString());
        result.put("evidence", List.of(Map.of("uri", "https://nedo.example/evidence/" + UUID.randomUUID(),
                "title", "Evaluation report", "digest", DIGEST)));
        return result;
    }

    public static Response record(RequestSpecification who, String review, String milestone, Map<String, ?> result) {
        return who.body(result).put("/api/reviews/{r}/results/{m}", review, milestone);
    }

    public static void recorded(String review, String milestone, Object value, LocalDate asOf) {
        record(nedo(), review, milestone, result(value, asOf)).then().statusCode(200);
    }

    public static Response submit(RequestSpecification who, String review) {
        return who.post("/api/reviews/{r}/submit", review);
    }

    public static Response finalizeBy(RequestSpecification who, String review) {
        return who.body(Map.of("note", "METI decision")).post("/api/reviews/{r}/finalize", review);
    }

    /**
     * FY{@code fiscalYear} of a new programme with two milestones, a critical one (60 %) and
     * another (40 %), both "at least 80 points, acceptable from 60", and a draft review of it.
     */
    public static Year yearUnderReview(int fiscalYear) {
        String programme = newProgramme();
        String critical = defined(programme, fiscalYear, milestone("PARAMS", 80, 60, 6000, true));
        String other = defined(programme, fiscalYear, milestone("BENCH", 80, 60, 4000, false));
        return new Year(programme, fiscalYear, critical, other, opened(programme, fiscalYear));
    }

    public record Year(String programme, int fiscalYear, String critical, String other, String review) {

        /** Records both results and submits as the first NEDO officer. */
        public void submitted(Object criticalValue, Object otherValue, LocalDate asOf) {
            recorded(review, critical, criticalValue, asOf);
            recorded(review, other, otherValue, asOf);
            submit(nedo(), review).then().statusCode(200);
        }
    }
}
