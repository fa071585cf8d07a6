package jp.go.meti.aifund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
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
    private static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

    static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", REPO.resolve("deploy/kubernetes/overlays/" + overlay)
                .toString()).redirectErrorStream(true).start();
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor()).as("kubectl kustomize %s:%n%s", overlay, yaml).isZero();
        return parse(yaml);
    }

    static List<JsonNode> parse(String yaml) throws IOException {
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

    private static JsonNode named(List<JsonNode> objects, String kind, String name) {
        List<JsonNode> found = ofKind(objects, kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).toList();
        assertThat(found).as("%s %s", kind, name).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private static Set<String> names(List<JsonNode> objects, String kind) {
        return ofKind(objects, kind).stream().map(o -> o.at("/metadata/name").asText()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "keda"})
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
            JsonNode cluster = named(objects, "Cluster", database);
            assertThat(cluster.at("/spec/backup/barmanObjectStore").isMissingNode())
                    .as("%s archives through the Barman Cloud plugin, not the deprecated in-tree barmanObjectStore", database)
                    .isTrue();
            assertThat(cluster.at("/spec/imageName").asText()).as("%s's image is pinned", database)
                    .matches(".*:\\d+\\.\\d+[^:@]*@sha256:[0-9a-f]{64}");
            List<JsonNode> archivers = new ArrayList<>();
            cluster.at("/spec/plugins").forEach(plugin -> {
                if (BARMAN_CLOUD.equals(plugin.path("name").asText()) && plugin.path("isWALArchiver").asBoolean()) {
                    archivers.add(plugin);
                }
            });
            assertThat(archivers).as("%s's WAL archiver", database).hasSize(1);
            JsonNode store = named(objects, "ObjectStore", archivers.get(0).at("/parameters/barmanObjectName").asText());
            assertThat(store.at("/spec/configuration/destinationPath").asText()).startsWith("s3://").endsWith("/" + database);
            assertThat(store.at("/spec/retentionPolicy").asText()).isNotBlank();
            assertThat(ofKind(objects, "ScheduledBackup")).filteredOn(b -> b.at("/spec/cluster/name").asText().equals(database))
                    .singleElement().satisfies(b -> {
                        assertThat(b.at("/spec/method").asText()).isEqualTo("plugin");
                        assertThat(b.at("/spec/pluginConfiguration/name").asText()).isEqualTo(BARMAN_CLOUD);
                    });
        }
        assertThat(ofKind(objects, "KafkaNodePool")).anyMatch(p -> p.at("/spec/roles").toString().contains("controller"));
        assertThat(names(objects, "NetworkPolicy")).contains("default-deny-ingress");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "keda"})
    void noSecretCarriesData(String overlay) throws Exception {
        for (JsonNode secret : ofKind(render(overlay), "Secret")) {
            assertThat(secret.has("data") || secret.has("stringData")).as("Secret %s", secret.at("/metadata/name")).isFalse();
        }
        for (JsonNode configMap : ofKind(render(overlay), "ConfigMap")) {
            assertThat(configMap.get("data").toString().toLowerCase()).doesNotContain("password");
        }
    }

    /**
     * The connections add up at the most pods each service scales to: its pods' pools (maxReplicas x
     * DB_POOL_MAX) fit one PgBouncer's max_client_conn and the server connections its Pooler may hold
     * (so a fully busy service never queues in PgBouncer), and the Pooler's most server connections
     * (instances x (default_pool_size + reserve_pool_size)) stay under the database's max_connections
     * less the superuser reserve and some headroom for the operator, monitoring and a person with psql.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "keda"})
    void databaseConnectionsAddUpAtEachServicesMostReplicas(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        for (String service : SERVICES) {
            JsonNode config = named(objects, "ConfigMap", service).get("data");
            URI jdbc = URI.create(config.path("DB_JDBC_URL").asText().substring("jdbc:".length()));
            assertThat(jdbc.getQuery()).as("%s: PgBouncer transaction pooling needs pgjdbc without server-side prepared statements",
                    service).contains("prepareThreshold=0");
            int poolMax = Integer.parseInt(config.path("DB_POOL_MAX").asText());
            int maxReplicas = mostReplicas(objects, service);

            JsonNode pooler = named(objects, "Pooler", jdbc.getHost());
            assertThat(pooler.at("/spec/type").asText()).isEqualTo("rw");
            assertThat(pooler.at("/spec/pgbouncer/poolMode").asText()).isEqualTo("transaction");
            JsonNode bouncer = pooler.at("/spec/pgbouncer/parameters");
            int poolers = pooler.at("/spec/instances").asInt(1);
            int defaultPoolSize = bouncer.path("default_pool_size").asInt(20); // PgBouncer's defaults
            int reservePoolSize = bouncer.path("reserve_pool_size").asInt(0);
            int maxClientConn = bouncer.path("max_client_conn").asInt(100);

            JsonNode database = named(objects, "Cluster", pooler.at("/spec/cluster/name").asText());
            JsonNode parameters = database.at("/spec/postgresql/parameters");
            assertThat(parameters.has("max_connections")).as("%s sets max_connections", database.at("/metadata/name")).isTrue();
            int maxConnections = parameters.get("max_connections").asInt();
            int superuserReserved = parameters.path("superuser_reserved_connections").asInt(3);

            int clients = maxReplicas * poolMax;
            int serverMost = poolers * (defaultPoolSize + reservePoolSize);
            String sums = String.format("%s in %s: %d pods x %d = %d clients; %d poolers x (%d + %d) = %d server connections; "
                    + "max_client_conn %d; max_connections %d - %d reserved", service, overlay, maxReplicas, poolMax, clients,
                    poolers, defaultPoolSize, reservePoolSize, serverMost, maxClientConn, maxConnections, superuserReserved);
            assertThat(clients).as(sums).isLessThanOrEqualTo(maxClientConn);
            assertThat(clients).as(sums).isLessThanOrEqualTo(poolers * defaultPoolSize);
            assertThat(serverMost).as(sums).isLessThanOrEqualTo(maxConnections - superuserReserved - 10);
        }
    }

    /** The most pods a service runs: its HorizontalPodAutoscaler's maxReplicas, or KEDA's maxReplicaCount. */
    private static int mostReplicas(List<JsonNode> objects, String deployment) {
        List<Integer> most = new ArrayList<>();
        for (JsonNode hpa : ofKind(objects, "HorizontalPodAutoscaler")) {
            if (deployment.equals(hpa.at("/spec/scaleTargetRef/name").asText())) {
                most.add(hpa.at("/spec/maxReplicas").asInt());
            }
        }
        for (JsonNode scaled : ofKind(objects, "ScaledObject")) {
            if (deployment.equals(scaled.at("/spec/scaleTargetRef/name").asText())) {
                most.add(scaled.at("/spec/maxReplicaCount").asInt(100)); // KEDA's default
            }
        }
        assertThat(most).as("what scales %s", deployment).hasSize(1);
        return most.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "keda"})
    void anAutoscaledDeploymentLeavesItsReplicasToTheAutoscalerAndSpreadsOverZonesAndNodes(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        for (JsonNode d : ofKind(objects, "Deployment")) {
            String name = d.at("/metadata/name").asText();
            mostReplicas(objects, name);
            assertThat(d.at("/spec/replicas").isMissingNode()).as("%s has no spec.replicas: every apply would reset the scaled count",
                    name).isTrue();
            Set<String> keys = new TreeSet<>();
            d.at("/spec/template/spec/topologySpreadConstraints").forEach(c -> {
                keys.add(c.path("topologyKey").asText());
                assertThat(c.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(name);
            });
            assertThat(keys).as(name).contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        }
    }

    /** Requests and limits on every container this project runs or has an operator run. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "keda"})
    void everyWorkloadHasRequestsAndLimits(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        List<String> checked = new ArrayList<>();
        java.util.function.BiConsumer<String, JsonNode> limited = (what, resources) -> {
            checked.add(what);
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(resources.at("/" + bound + "/" + resource).asText()).as("%s %s.%s", what, bound, resource)
                            .isNotBlank();
                }
            }
        };
        for (JsonNode d : ofKind(objects, "Deployment")) {
            d.at("/spec/template/spec/containers").forEach(c -> limited.accept("Deployment " + c.path("name").asText(),
                    c.path("resources")));
        }
        for (JsonNode pool : ofKind(objects, "KafkaNodePool")) {
            limited.accept("KafkaNodePool " + pool.at("/metadata/name").asText(), pool.at("/spec/resources"));
        }
        for (JsonNode kafka : ofKind(objects, "Kafka")) {
            limited.accept("topic operator", kafka.at("/spec/entityOperator/topicOperator/resources"));
            limited.accept("user operator", kafka.at("/spec/entityOperator/userOperator/resources"));
        }
        for (JsonNode cluster : ofKind(objects, "Cluster")) {
            limited.accept("Cluster " + cluster.at("/metadata/name").asText(), cluster.at("/spec/resources"));
        }
        for (JsonNode store : ofKind(objects, "ObjectStore")) {
            limited.accept("ObjectStore sidecar " + store.at("/metadata/name").asText(),
                    store.at("/spec/instanceSidecarConfiguration/resources"));
        }
        for (JsonNode pooler : ofKind(objects, "Pooler")) {
            JsonNode containers = pooler.at("/spec/template/spec/containers");
            assertThat(containers).as("Pooler %s's pgbouncer container", pooler.at("/metadata/name")).isNotEmpty();
            containers.forEach(c -> limited.accept("Pooler " + pooler.at("/metadata/name").asText(), c.path("resources")));
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(3 + 2 + 2 + 3 + 3 + 3);
    }

    /**
     * Through the pooler the JDBC URL's startup options are dropped, so each service role carries the
     * timeouts the services' shared defaults ask for (a stuck lock or statement becomes a 503, not a hang).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceRoleCarriesTheTimeoutsItsJdbcOptionsWouldHaveSet(String overlay) throws Exception {
        Matcher options = Pattern.compile("options=(.+)$", Pattern.MULTILINE).matcher(Files.readString(
                REPO.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        assertThat(options.find()).isTrue();
        Map<String, String> wanted = new TreeMap<>();
        Matcher setting = Pattern.compile("-c (\\w+)=(?:\\$\\{\\w+:)?([^}\\s]+)\\}?").matcher(options.group(1));
        while (setting.find()) {
            wanted.put(setting.group(1), setting.group(2));
        }
        assertThat(wanted).containsKeys("lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout");
        for (JsonNode cluster : ofKind(render(overlay), "Cluster")) {
            String owner = cluster.at("/spec/bootstrap/initdb/owner").asText();
            List<String> sql = new ArrayList<>();
            cluster.at("/spec/bootstrap/initdb/postInitApplicationSQL").forEach(q -> sql.add(q.asText()));
            wanted.forEach((name, value) -> assertThat(sql).as("%s's role", owner)
                    .contains("ALTER ROLE " + owner + " SET " + name + " = '" + value + "'"));
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

    /** notification-service's webhooks reach the internet on 443 and nothing of the cluster's, the node's or the cloud's own. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "keda"})
    void theWebhookEgressExcludesEveryPrivateLinkLocalAndLoopbackRange(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        JsonNode webhooks = named(objects, "NetworkPolicy", "notification-service-webhooks-to-internet");
        Map<String, Set<String>> excepts = new TreeMap<>();
        webhooks.at("/spec/egress").forEach(rule -> {
            rule.get("to").forEach(to -> excepts.put(to.at("/ipBlock/cidr").asText(), textsOf(to.at("/ipBlock/except"))));
            assertThat(textsOf(rule.get("ports").findValues("port").stream().map(JsonNode::asText).toList())).containsOnly("443");
        });
        assertThat(excepts).containsOnlyKeys("0.0.0.0/0", "::/0");
        assertThat(excepts.get("0.0.0.0/0")).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
                "127.0.0.0/8", "100.64.0.0/10");
        assertThat(excepts.get("::/0")).contains("fc00::/7", "fe80::/10", "::1/128");
        // no other policy opens an address block to notification-service
        ofKind(objects, "NetworkPolicy").stream().filter(p -> p != webhooks && p.at("/spec/policyTypes").toString().contains("Egress"))
                .forEach(p -> assertThat(p.at("/spec/egress").findValues("ipBlock")).as("%s", p.at("/metadata/name")).isEmpty());
    }

    /** Every service is reached only from the Gateway's Envoy pods and from Prometheus, and only on its HTTP port. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "keda"})
    void everyServiceHasIngressOnlyFromTheGatewayAndPrometheus(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        String gateway = "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"envoy-gateway-system\"}},"
                + "\"podSelector\":{\"matchLabels\":{\"gateway.envoyproxy.io/owning-gateway-name\":\"aifund\"}}}";
        String prometheus = "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"monitoring\"}}}";
        assertThat(named(objects, "NetworkPolicy", "default-deny-ingress").at("/spec/podSelector").isEmpty()).isTrue();
        for (String service : SERVICES) {
            JsonNode labels = named(objects, "Deployment", service).at("/spec/template/metadata/labels");
            Set<String> peers = new TreeSet<>();
            Set<String> ports = new TreeSet<>();
            for (JsonNode policy : ofKind(objects, "NetworkPolicy")) {
                JsonNode selector = policy.at("/spec/podSelector");
                boolean selects = !selector.has("matchExpressions") && iterable(selector.path("matchLabels").fieldNames()).stream()
                        .allMatch(k -> selector.at("/matchLabels").get(k).asText().equals(labels.path(k).asText()));
                if (selects && policy.at("/spec/policyTypes").toString().contains("Ingress")) {
                    policy.at("/spec/ingress").forEach(rule -> {
                        rule.path("from").forEach(from -> peers.add(from.toString()));
                        assertThat(rule.has("from")).as("%s admits anyone", policy.at("/metadata/name")).isTrue();
                        rule.path("ports").forEach(port -> ports.add(port.get("port").asText()));
                    });
                }
            }
            assertThat(peers).as("%s in %s", service, overlay).containsExactlyInAnyOrder(gateway, prometheus);
            assertThat(ports).as("%s in %s", service, overlay).containsExactly("8080");
        }
    }

    /** The external consumers' KafkaUser template can read the review events and join its own groups, nothing else. */
    @org.junit.jupiter.api.Test
    void theExternalConsumerTemplateIsReadOnlyOnTheReviewTopicWithAGroupPrefix() throws Exception {
        JsonNode user = named(render("../templates"), "KafkaUser", "ext-example");
        assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
        Set<String> acls = new TreeSet<>();
        user.at("/spec/authorization/acls").forEach(acl -> acls.add(acl.at("/resource/type").asText() + " "
                + acl.at("/resource/name").asText() + " " + acl.at("/resource/patternType").asText("literal") + " "
                + acl.get("operations").toString()));
        assertThat(acls).containsExactlyInAnyOrder("topic aifund.review-events.v1 literal [\"Read\",\"Describe\"]",
                "group ext-example- prefix [\"Read\"]");
        assertThat(named(render("prod"), "Kafka", "aifund").at("/spec/kafka/listeners").findValues("name").stream()
                .map(JsonNode::asText)).contains("external");
    }

    private static Set<String> textsOf(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static Set<String> textsOf(List<String> values) {
        return new TreeSet<>(values);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
