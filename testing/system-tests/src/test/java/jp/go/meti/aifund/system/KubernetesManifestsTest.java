package jp.go.meti.aifund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.MappingIterator;

/**
 * What ops apply is what this checks: each overlay of deploy/kubernetes rendered by
 * {@code kubectl kustomize} (kubectl is on these machines; {@code apt-get install kubernetes-client}
 * otherwise), then its objects read one by one.
 */
class KubernetesManifestsTest {

    private static final Path REPO = Path.of("..", "..").toAbsolutePath().normalize();
    /** The health endpoints every service serves (each service's OperationsTest asserts them, as HealthProbes). */
    private static final Set<String> SERVED = Set.of("/q/health/started", "/q/health/live", "/q/health/ready");
    private static final List<String> SERVICES = List.of("funding-service", "milestone-service", "notification-service");

    private static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", REPO.resolve("deploy/kubernetes/overlays/" + overlay)
                .toString()).redirectErrorStream(true).start();
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor()).as("kubectl kustomize %s:%n%s", overlay, yaml).isZero();
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(yaml)) {
            docs.forEachRemaining(d -> {
                if (d != null && !d.isEmpty()) {
                    objects.add(d);
                }
            });
        }
        return objects;
    }

    private static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private static Set<String> names(List<JsonNode> objects, String kind) {
        return ofKind(objects, kind).stream().map(o -> o.at("/metadata/name").asText()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentIsProbedOnServedPathsLimitedAndUnprivileged(String overlay) throws Exception {
        List<JsonNode> deployments = ofKind(render(overlay), "Deployment");
        assertThat(deployments).extracting(d -> d.at("/metadata/name").asText())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (JsonNode d : deployments) {
            JsonNode pod = d.at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as("runAsNonRoot").isTrue();
            for (JsonNode c : pod.get("containers")) {
                Set<String> ports = new TreeSet<>();
                c.get("ports").forEach(p -> ports.add(p.get("name").asText()));
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(c.at("/" + probe + "/httpGet/path").asText()).as("%s of %s", probe, d.at("/metadata/name"))
                            .isIn(SERVED);
                    assertThat(c.at("/" + probe + "/httpGet/port").asText()).isIn(ports);
                }
                assertThat(c.at("/resources/limits/cpu").asText()).isNotBlank();
                assertThat(c.at("/resources/limits/memory").asText()).isNotBlank();
                assertThat(c.at("/resources/requests/memory").asText()).isNotBlank();
                assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheServicesUseExistsAndEachServiceHasItsUserDatabaseAndCompanions(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        Set<String> topics = names(objects, "KafkaTopic");
        assertThat(topics).containsAll(topicsUsed());
        for (JsonNode user : ofKind(objects, "KafkaUser")) {
            user.at("/spec/authorization/acls").forEach(acl -> {
                if ("topic".equals(acl.at("/resource/type").asText())) {
                    assertThat(acl.at("/resource/name").asText()).isIn(topics);
                }
            });
        }
        for (String service : SERVICES) {
            String database = service.replace("-service", "-db");
            assertThat(names(objects, "KafkaUser")).contains(service);
            assertThat(names(objects, "Service")).contains(service);
            assertThat(names(objects, "ConfigMap")).contains(service);
            assertThat(names(objects, "HorizontalPodAutoscaler")).contains(service);
            assertThat(names(objects, "PodDisruptionBudget")).contains(service);
            assertThat(names(objects, "ServiceMonitor")).contains(service);
            assertThat(ofKind(objects, "Cluster")).filteredOn(c -> c.at("/metadata/name").asText().equals(database))
                    .singleElement().satisfies(c -> assertThat(c.at("/spec/backup/barmanObjectStore/destinationPath")
                            .asText()).isNotBlank());
        }
        assertThat(ofKind(objects, "KafkaNodePool")).anyMatch(p -> p.at("/spec/roles").toString().contains("controller"));
        assertThat(names(objects, "NetworkPolicy")).contains("default-deny-ingress");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretCarriesData(String overlay) throws Exception {
        for (JsonNode secret : ofKind(render(overlay), "Secret")) {
            assertThat(secret.has("data") || secret.has("stringData")).as("Secret %s", secret.at("/metadata/name")).isFalse();
        }
        for (JsonNode configMap : ofKind(render(overlay), "ConfigMap")) {
            assertThat(configMap.get("data").toString().toLowerCase()).doesNotContain("password");
        }
    }

    /** The topics in the AsyncAPI document and in the services' configuration. */
    private static Set<String> topicsUsed() throws IOException {
        Set<String> topics = new TreeSet<>();
        Matcher address = Pattern.compile("address: (\\S+)").matcher(Files.readString(REPO.resolve("contracts/asyncapi.yaml")));
        while (address.find()) {
            topics.add(address.group(1));
        }
        Pattern configured = Pattern.compile("^[^#]*\\.topic=(aifund\\.[\\w.-]+)$", Pattern.MULTILINE);
        for (String service : SERVICES) {
            Matcher m = configured.matcher(Files.readString(REPO.resolve(service + "/src/main/resources/application.properties")));
            while (m.find()) {
                topics.add(m.group(1));
            }
        }
        assertThat(topics).hasSizeGreaterThanOrEqualTo(5);
        return topics;
    }

    /** Whoever is paged learns how bad it is, what it means and where the first steps are (docs/OPERATIONS.md, "Alerts"). */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAlertHasASeveritySummaryAndARunbookThatExistsAndTheDashboardIsForTheSidecar(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        Set<String> anchors = new TreeSet<>();
        Matcher heading = Pattern.compile("^#+ (\\w+)$", Pattern.MULTILINE).matcher(Files.readString(REPO.resolve("docs/OPERATIONS.md")));
        while (heading.find()) {
            anchors.add("docs/OPERATIONS.md#" + heading.group(1).toLowerCase());
        }
        List<JsonNode> alerts = new ArrayList<>();
        ofKind(objects, "PrometheusRule").forEach(r -> r.at("/spec/groups").forEach(g -> g.get("rules").forEach(alerts::add)));
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(7);
        for (JsonNode alert : alerts) {
            assertThat(alert.at("/labels/severity").asText()).as("severity of %s", alert.get("alert")).isIn("critical", "warning");
            assertThat(alert.at("/annotations/summary").asText()).as("summary of %s", alert.get("alert")).isNotBlank();
            assertThat(alert.at("/annotations/runbook").asText()).as("runbook of %s", alert.get("alert")).isIn(anchors);
        }
        assertThat(names(objects, "PodMonitor")).contains("aifund-databases", "aifund-kafka");
        assertThat(ofKind(objects, "ConfigMap")).filteredOn(c -> "1".equals(c.at("/metadata/labels/grafana_dashboard").asText()))
                .singleElement().satisfies(c -> c.get("data").forEach(json -> {
                    try {
                        assertThat(new ObjectMapper().readTree(json.asText()).get("panels")).isNotEmpty();
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }));
    }
}
