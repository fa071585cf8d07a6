package jp.go.meti.aifund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every object an overlay renders is checked against the schema the API server (or the operator's
 * CRD) would check it with, from src/test/resources/kubernetes-schemas (see its README: which
 * releases, and how extract.py cut them). As the API server's strict field validation does, an
 * unknown field is an error: an object schema that lists {@code properties} and neither allows
 * {@code additionalProperties} nor sets {@code x-kubernetes-preserve-unknown-fields} is closed here.
 * An object whose apiVersion and kind have no schema fails, so nothing is applied unchecked; the one
 * exception is an object from base/monitoring that has none (that directory is maintained apart).
 */
class KubernetesSchemasTest {

    private static final Path REPO = Path.of("..", "..").toAbsolutePath().normalize();
    private static final String OBJECT_META = "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final List<String> SOURCES = List.of("kubernetes-1.34", "strimzi-1.2.0", "cloudnative-pg-1.30.0",
            "plugin-barman-cloud-0.14.0", "prometheus-operator-0.93.0", "keda-2.20.2", "gateway-api-1.6.1",
            "cert-manager-1.21.1", "envoy-gateway-1.9.0");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schemas schemas;

    /** The vendored schemas, closed to unknown fields, by "apiVersion kind". */
    static final class Schemas {
        private final Map<String, JsonSchema> byKind = new HashMap<>();

        Schemas() throws IOException {
            ObjectNode definitions = JSON.createObjectNode();
            Map<String, JsonNode> kinds = new HashMap<>();
            for (String source : SOURCES) {
                try (InputStream in = KubernetesSchemasTest.class.getResourceAsStream("/kubernetes-schemas/" + source + ".json")) {
                    assertThat(in).as("vendored schema %s", source).isNotNull();
                    JsonNode doc = JSON.readTree(in);
                    doc.path("definitions").fields().forEachRemaining(e -> definitions.set(e.getKey(), e.getValue()));
                    doc.get("kinds").fields().forEachRemaining(e -> kinds.put(e.getKey(), e.getValue()));
                }
            }
            close(definitions);
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909);
            for (Map.Entry<String, JsonNode> kind : kinds.entrySet()) {
                ObjectNode schema = kind.getValue().deepCopy();
                JsonNode metadata = schema.at("/properties/metadata");
                if (metadata.isObject() && !metadata.has("$ref") && !metadata.has("allOf")) {
                    // A CRD's schema leaves metadata open: the API server checks it as every object's ObjectMeta.
                    ((ObjectNode) schema.get("properties")).set("metadata", JSON.createObjectNode().put("$ref", OBJECT_META));
                }
                close(schema);
                schema.set("definitions", definitions);
                byKind.put(kind.getKey(), factory.getSchema(schema));
            }
        }

        /** Strict field validation: an object schema with properties allows no other field unless it says so. */
        static void close(JsonNode node) {
            if (node.isObject()) {
                ObjectNode object = (ObjectNode) node;
                if (object.has("properties") && !object.has("additionalProperties")
                        && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                    object.put("additionalProperties", false);
                }
                // Kubernetes' own keywords mean nothing to a JSON Schema validator; what they imply is applied above.
                for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                    if (names.next().startsWith("x-kubernetes-")) {
                        names.remove();
                    }
                }
            }
            if (node.isContainerNode()) {
                node.forEach(Schemas::close);
            }
        }

        boolean has(JsonNode object) {
            return byKind.containsKey(kindOf(object));
        }

        /** What is wrong with the object, if anything; empty when it is valid. */
        List<String> problems(JsonNode object) {
            Set<ValidationMessage> messages = byKind.get(kindOf(object)).validate(object);
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        }

        static String kindOf(JsonNode object) {
            return object.path("apiVersion").asText() + " " + object.path("kind").asText();
        }
    }

    private static synchronized Schemas schemas() throws IOException {
        if (schemas == null) {
            schemas = new Schemas();
        }
        return schemas;
    }

    private static String identity(JsonNode object) {
        return Schemas.kindOf(object) + " " + object.at("/metadata/name").asText();
    }

    /** What base/monitoring (kept by others, applied through base) renders on its own, if it is there yet. */
    private static Set<String> fromMonitoring() throws IOException, InterruptedException {
        Path monitoring = REPO.resolve("deploy/kubernetes/base/monitoring");
        if (!Files.isDirectory(monitoring)) {
            return Set.of();
        }
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", monitoring.toString()).redirectErrorStream(true).start();
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor()).as("kubectl kustomize base/monitoring:%n%s", yaml).isZero();
        return KubernetesManifestsTest.parse(yaml).stream().map(o -> o.path("kind").asText() + " " + o.at("/metadata/name").asText())
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "keda"})
    void everyRenderedObjectIsValidAgainstItsSchemaWithUnknownFieldsRejected(String overlay) throws Exception {
        List<JsonNode> objects = KubernetesManifestsTest.render(overlay);
        Set<String> monitoring = fromMonitoring();
        List<String> problems = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (JsonNode object : objects) {
            if (!schemas().has(object)) {
                if (!monitoring.contains(object.path("kind").asText() + " " + object.at("/metadata/name").asText())) {
                    problems.add(identity(object) + ": no vendored schema for " + Schemas.kindOf(object));
                }
                continue;
            }
            checked.add(Schemas.kindOf(object));
            schemas().problems(object).forEach(p -> problems.add(identity(object) + ": " + p));
        }
        assertThat(problems).as("%s", overlay).isEmpty();
        assertThat(checked).contains("apps/v1 Deployment", "kafka.strimzi.io/v1 Kafka", "postgresql.cnpg.io/v1 Cluster",
                "postgresql.cnpg.io/v1 Pooler", "barmancloud.cnpg.io/v1 ObjectStore", "monitoring.coreos.com/v1 ServiceMonitor",
                "gateway.networking.k8s.io/v1 Gateway", "gateway.networking.k8s.io/v1 HTTPRoute", "cert-manager.io/v1 Certificate",
                "gateway.envoyproxy.io/v1alpha1 BackendTrafficPolicy");
    }

    /** The templates ops fill in (deploy/kubernetes/templates, applied by no overlay) are held to the same schemas. */
    @Test
    void everyTemplateIsValidAgainstItsSchema() throws Exception {
        List<JsonNode> objects = KubernetesManifestsTest.render("../templates");
        assertThat(objects).isNotEmpty();
        for (JsonNode object : objects) {
            assertThat(schemas().has(object)).as("schema for %s", identity(object)).isTrue();
            assertThat(schemas().problems(object)).as("%s", identity(object)).isEmpty();
        }
    }

    /** The check can fail: a misspelt field is reported at the top, deep in a pod template, and in a CRD's object. */
    @Test
    void aMisspeltFieldIsReportedWhereverItIs() throws Exception {
        List<JsonNode> objects = KubernetesManifestsTest.render("prod");
        JsonNode deployment = objects.stream().filter(o -> "Deployment".equals(o.path("kind").asText())).findFirst().orElseThrow();
        assertThat(schemas().problems(deployment)).isEmpty();

        ObjectNode top = deployment.deepCopy();
        ((ObjectNode) top.get("spec")).put("replcas", 3);
        assertThat(schemas().problems(top)).singleElement().asString().contains("replcas");

        ObjectNode deep = deployment.deepCopy();
        ((ObjectNode) deep.at("/spec/template/spec/containers/0")).put("imagePullPolcy", "Always");
        assertThat(schemas().problems(deep)).singleElement().asString().contains("imagePullPolcy");

        ObjectNode meta = deployment.deepCopy();
        ((ObjectNode) meta.get("metadata")).put("lables", "x");
        assertThat(schemas().problems(meta)).singleElement().asString().contains("lables");

        JsonNode kafka = objects.stream().filter(o -> "Kafka".equals(o.path("kind").asText())).findFirst().orElseThrow();
        ObjectNode crd = kafka.deepCopy();
        ((ObjectNode) crd.at("/spec/kafka")).put("replcas", 3);
        assertThat(schemas().problems(crd)).singleElement().asString().contains("replcas");

        ObjectNode crdMeta = kafka.deepCopy();
        ((ObjectNode) crdMeta.get("metadata")).put("lables", "x");
        assertThat(schemas().problems(crdMeta)).singleElement().asString().contains("lables");
    }

    @Test
    void aWrongTypeIsReported() throws Exception {
        JsonNode deployment = KubernetesManifestsTest.render("prod").stream()
                .filter(o -> "Deployment".equals(o.path("kind").asText())).findFirst().orElseThrow();
        ObjectNode wrong = deployment.deepCopy();
        ((ObjectNode) wrong.at("/spec/template/spec")).put("terminationGracePeriodSeconds", "thirty");
        assertThat(schemas().problems(wrong)).isNotEmpty();
    }

    @Test
    void anObjectOfAKindWithoutASchemaIsNotTakenAsChecked() throws Exception {
        ObjectNode unknown = JSON.createObjectNode().put("apiVersion", "kafka.strimzi.io/v1beta2").put("kind", "Kafka");
        assertThat(schemas().has(unknown)).as("v1beta2 is gone from Strimzi 1.x").isFalse();
    }
}
