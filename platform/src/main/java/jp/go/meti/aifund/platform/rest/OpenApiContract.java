package jp.go.meti.aifund.platform.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes each service's OpenAPI document say what the service does, for everything the platform
 * does the same way in every operation (the operations' own annotations say the rest):
 * <ul>
 * <li>every refusal the platform can answer is a documented status with the {@code Problem} schema
 * as {@code application/problem+json}: 400, 406 and 431 always, 401 and 403 where a token is needed,
 * 404 where the path or the body names a resource, 409 and 503 for writes and reads that meet the database,
 * 412 with {@code If-Match}, 413 and 415 with a body, 422 with an {@code Idempotency-Key}, 500;</li>
 * <li>{@code Idempotency-Key} is required where the operation takes it; a 201 carries {@code Location},
 * and every answer that is one resource its {@code ETag};</li>
 * <li>every property of an answer is present and may be {@code null} (Jackson writes every record
 * component, absent values as null); request bodies keep their own required fields.</li>
 * </ul>
 */
public class OpenApiContract implements OASFilter {

    /** A list of values of any JSON type (the recorded arguments of a decision). */
    public static final String ANY_VALUES = "AnyValues";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        openAPI.getComponents().addSchema(ANY_VALUES, OASFactory.createSchema().addType(SchemaType.ARRAY)
                .items(OASFactory.createSchema()).description("Values of any JSON type"));
        Set<String> requestSchemas = new HashSet<>();
        Set<String> responseSchemas = new HashSet<>();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean namesAResource = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                document(op.getKey(), op.getValue(), namesAResource);
                collect(op.getValue().getRequestBody() == null ? null : op.getValue().getRequestBody().getContent(),
                        requestSchemas);
                op.getValue().getResponses().getAPIResponses().values().forEach(r -> collect(r.getContent(), responseSchemas));
            }
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> answers = reachable(responseSchemas, components);
        answers.removeAll(reachable(requestSchemas, components));
        answers.remove(PROBLEM);
        answers.remove("FieldError");
        answers.forEach(name -> presentAndNullable(components.get(name), components));
    }

    private static void document(PathItem.HttpMethod method, Operation op, boolean namesAResource) {
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        List<Parameter> parameters = op.getParameters() == null ? List.of() : op.getParameters();
        boolean idempotent = parameters.stream().anyMatch(p -> p.getName().equals("Idempotency-Key"));
        boolean conditional = parameters.stream().anyMatch(p -> p.getName().equals(ETags.IF_MATCH));
        parameters.stream().filter(p -> p.getName().equals("Idempotency-Key")).forEach(p -> p.required(true)
                .description("Names this request, for the caller: a retry with the same key returns the first "
                        + "answer; the same key for another request is refused (422). 1 to 200 visible ASCII characters."));
        parameters.stream().filter(p -> p.getName().equals(ETags.IF_MATCH)).forEach(p -> p.description(
                "Act only if the resource still has this ETag (412 otherwise); absent: act unconditionally."));
        APIResponses responses = op.getResponses();
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.equals("201")) {
                response.addHeader("Location", OASFactory.createHeader().description("The created resource")
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING).format("uri-reference")));
            }
            if (status.startsWith("2") && response.getContent() != null && response.getContent().getMediaType(
                    jakarta.ws.rs.core.MediaType.APPLICATION_JSON) != null && isOneResource(response)) {
                response.addHeader("ETag", OASFactory.createHeader().description("The version of the resource, "
                        + "for If-Match").schema(OASFactory.createSchema().addType(SchemaType.STRING)));
            }
        });
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        problem(responses, "400", "Invalid request: a parameter, header or body field is named with the reason");
        if (secured) {
            problem(responses, "401", "No valid bearer token");
            problem(responses, "403", "The token's roles do not allow this, or another person must do it (four eyes)");
        }
        if (namesAResource || op.getRequestBody() != null) {
            problem(responses, "404", "A resource named in the path or the body does not exist (or is not visible "
                    + "to this caller)");
        }
        if (write) {
            problem(responses, "409", "Not allowed in the resource's current state, or a limit would be exceeded");
        }
        if (conditional) {
            problem(responses, "412", "If-Match names a version that is no longer current; nothing was changed");
        }
        if (op.getRequestBody() != null) {
            problem(responses, "413", "The body is larger than the service reads");
            problem(responses, "415", "The body is not application/json");
        }
        if (idempotent) {
            problem(responses, "422", "The Idempotency-Key was used for another request");
        }
        problem(responses, "406", "The Accept header names no type this operation answers with (JSON, or an event stream)");
        problem(responses, "431", "The request headers are larger than 16 KiB");
        problem(responses, "500", "Unexpected error; the problem document gives an error id for support");
        problem(responses, "503", "The database is busy or unavailable; nothing was changed: retry (Retry-After)");
    }

    private static boolean isOneResource(APIResponse response) {
        Schema schema = response.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON).getSchema();
        return schema != null && schema.getRef() != null && !schema.getRef().startsWith(SCHEMA_PREFIX + "Page");
    }

    /**
     * Sets the status's answer to a problem document (replacing any bare one the scanner made), keeping
     * the description and headers an operation documents for it ({@code Retry-After}, say).
     */
    private static void problem(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        String text = existing != null && existing.getDescription() != null
                && !existing.getDescription().equals("Bad Request") ? existing.getDescription() : description;
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(text)
                .headers(existing == null ? null : existing.getHeaders())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem document: why the request was refused, naming each offending field")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("A stable URI for the kind of problem; branch on it", "uri"))
                .addProperty("title", string("A short summary of the kind of problem", null))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string("What happened in this case", null))
                .addProperty("instance", string("The request path", null))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(SCHEMA_PREFIX + "FieldError")));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).required(List.of("field", "reason"))
                .addProperty("field", string("The body field (a.b[0].c), parameter or header at fault", null))
                .addProperty("reason", string("Why it was refused", null));
    }

    private static Schema string(String description, String format) {
        Schema s = OASFactory.createSchema().addType(SchemaType.STRING).description(description);
        return format == null ? s : s.format(format);
    }

    private static void collect(Content content, Set<String> names) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            refs(media.getSchema(), names);
        }
    }

    /** The component names a schema refers to, directly or through items, properties and compositions. */
    private static void refs(Schema schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMA_PREFIX)) {
            names.add(schema.getRef().substring(SCHEMA_PREFIX.length()));
        }
        refs(schema.getItems(), names);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> refs(p, names));
        }
        for (List<Schema> composed : new ArrayList<>(List.of(orEmpty(schema.getAllOf()), orEmpty(schema.getAnyOf()),
                orEmpty(schema.getOneOf())))) {
            composed.forEach(s -> refs(s, names));
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            refs(schema.getAdditionalPropertiesSchema(), names);
        }
    }

    private static List<Schema> orEmpty(List<Schema> list) {
        return list == null ? List.of() : list;
    }

    private static Set<String> reachable(Set<String> roots, Map<String, Schema> components) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (seen.add(name) && components.containsKey(name)) {
                Set<String> next = new HashSet<>();
                refs(components.get(name), next);
                todo.addAll(next);
            }
        }
        return seen;
    }

    /**
     * Every property of an answer object is written, and any may be null. A referenced schema is
     * copied into the property (OpenAPI 3.0's {@code nullable} does not reach through a
     * {@code $ref}, and validators refuse a null there), with null among an enumeration's values.
     */
    private static void presentAndNullable(Schema schema, Map<String, Schema> components) {
        if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        for (Map.Entry<String, Schema> property : new ArrayList<>(schema.getProperties().entrySet())) {
            Schema p = property.getValue();
            if (p.getRef() != null) {
                Schema referenced = components.get(p.getRef().substring(SCHEMA_PREFIX.length()));
                p = referenced == null ? OASFactory.createSchema().addType(SchemaType.OBJECT) : copyOf(referenced);
                schema.addProperty(property.getKey(), p);
            }
            if (p.getType() != null && !p.getType().contains(SchemaType.NULL)) {
                p.addType(SchemaType.NULL);
            }
            if (p.getEnumeration() != null && !p.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(p.getEnumeration());
                values.add(null);
                p.setEnumeration(values);
            }
        }
    }

    /** A copy of a component's own schema (its properties and items still refer to theirs). */
    private static Schema copyOf(Schema component) {
        Schema copy = OASFactory.createSchema().description(component.getDescription()).format(component.getFormat())
                .pattern(component.getPattern()).items(component.getItems()).properties(component.getProperties())
                .required(component.getRequired()).additionalPropertiesSchema(component.getAdditionalPropertiesSchema());
        if (component.getType() != null) {
            component.getType().forEach(copy::addType);
        }
        if (component.getEnumeration() != null) {
            copy.setEnumeration(new ArrayList<>(component.getEnumeration()));
        }
        return copy;
    }
}
