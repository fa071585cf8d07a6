package jp.go.meti.aifund.infra.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole system on one machine with no Docker and nothing installed: a real PostgreSQL (one
 * database per service) and a real Kafka broker, both keeping their data under {@code .data/}, and
 * the services as child processes. Ctrl-C stops the services gracefully, then the broker and the
 * database, and leaves no process behind. The system tests start the same stack on free ports
 * with throw-away data ({@link #onFreePorts}).
 */
public final class LocalStack implements AutoCloseable {

    /** A service of the system: its module, HTTP port and database. */
    record Service(String name, int port, String database) {
        Path jar(Path root) {
            return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    static final List<Service> SERVICES = List.of(new Service("funding-service", 8081, "funding"),
            new Service("milestone-service", 8082, "milestone"),
            new Service("notification-service", 8083, "notification"));
    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;

    private final Path root;
    private final Path data;
    private final List<Service> layout;
    private final int postgresPort;
    private final int kafkaPort;
    private final boolean keepData;
    private final Map<String, String> serviceEnvironment = new java.util.HashMap<>();
    private final Map<String, Map<String, String>> environments = new java.util.HashMap<>();
    private final List<Process> services = new ArrayList<>();
    /** Non-null: the services run as podman containers of these images ({@link #inContainers}). */
    private Images images;
    private PostgresServer postgres;
    private KafkaBrokerProcess kafka;

    private LocalStack(Path root, Path data, List<Service> layout, int postgresPort, int kafkaPort, boolean keepData) {
        this.root = root;
        this.data = data;
        this.layout = layout;
        this.postgresPort = postgresPort;
        this.kafkaPort = kafkaPort;
        this.keepData = keepData;
    }

    /** The stack of {@code root} (the repository) on free ports, its data in {@code data}, deleted when stopped. */
    public static LocalStack onFreePorts(Path root, Path data) {
        return new LocalStack(root, data, SERVICES.stream().map(s -> new Service(s.name(), FreePort.find(), s.database()))
                .toList(), FreePort.find(), FreePort.find(), false);
    }

    /**
     * The services as containers of their images ({@code repository/<service>:tag}, e.g. the
     * ones deploy/images/build.sh tagged) run by podman on the host network, rather than as child
     * JVMs: as in their Deployments, uid 185, a read-only root filesystem with a writable /tmp, a
     * 512 MiB memory limit. Podman reads {@code CONTAINERS_CONF} from this process's environment.
     */
    public LocalStack inContainers(String repository, String tag) {
        images = new Images(repository, tag);
        return this;
    }

    /** The images of the services, and the name each container runs under. */
    record Images(String repository, String tag) {
        String image(Service service) {
            return repository + "/" + service.name() + ":" + tag;
        }

        /** Unique per stack: its port is. */
        String container(Service service) {
            return "aifund-" + service.name() + "-" + service.port();
        }
    }

    /** The containers' names, when the services run as containers (for podman stats, logs). */
    public List<String> containers() {
        return images == null ? List.of() : layout.stream().map(images::container).toList();
    }

    public String url(String service) {
        return layout.stream().filter(s -> s.name().equals(service)).findFirst()
                .map(s -> "http://127.0.0.1:" + s.port()).orElseThrow();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The PostgreSQL server's port on 127.0.0.1 (user {@link PostgresServer#USER}, no password). */
    public int postgresPort() {
        return postgres.port();
    }

    /** Creates a database on the stack's PostgreSQL unless it exists (a benchmark's own), returns its JDBC URL. */
    public String createDatabase(String name) {
        return postgres.createDatabase(name);
    }

    /** An environment variable for one service, from its next start on (a fault test's settings). */
    public LocalStack withEnvironment(String service, String name, String value) {
        environments.computeIfAbsent(service, s -> new java.util.HashMap<>()).put(name, value);
        return this;
    }

    public LocalStack withoutEnvironment(String service, String name) {
        if (environments.containsKey(service)) {
            environments.get(service).remove(name);
        }
        return this;
    }

    /** For fault tests: the database goes down for {@code down}, its connections cut, and comes back. */
    public void restartDatabase(Duration down) throws InterruptedException {
        postgres.restart(down);
    }

    /** For fault tests: the service's process id, to tell a recovered process from a restarted one. */
    public long pid(String service) {
        return services.get(indexOf(service)).pid();
    }

    /** For fault tests: the service dies at once (SIGKILL), as in a crash or an OOM kill. */
    public void kill(String service) throws InterruptedException {
        Process process = services.get(indexOf(service));
        if (images != null) { // killing the podman client would leave the container running
            podman("kill", "--signal", "KILL", images.container(layout.get(indexOf(service))));
        }
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the service again (after {@link #kill}) and waits until it is ready. */
    public void relaunch(String service) throws IOException, InterruptedException {
        int index = indexOf(service);
        services.set(index, launch(layout.get(index), publicKey(), true));
        awaitReady(layout.get(index));
    }

    private int indexOf(String service) {
        for (int i = 0; i < layout.size(); i++) {
            if (layout.get(i).name().equals(service)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no service " + service);
    }

    private Path log(Service service) {
        return data.resolve("logs/" + service.name() + ".log");
    }

    private Path publicKey() {
        return data.resolve("dev-keys/aifund-dev-public.pem");
    }

    /**
     * {@code --demo}: the programme from the news, seeded through the APIs, on a clock set to May 2028
     * ({@link DemoSeed}), with its data apart in {@code .data/demo}.
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        boolean demo = List.of(args).contains("--demo");
        boolean containers = List.of(args).contains("--containers");
        // --containers: the images deploy/images/build.sh built, on free ports with throw-away data
        LocalStack stack = containers
                ? onFreePorts(root, root.resolve(".data/containers")).inContainers(
                        System.getenv().getOrDefault("IMAGE_REPO", "ghcr.io/meti-aifund"),
                        System.getenv().getOrDefault("IMAGE_TAG", "1.0.0"))
                : new LocalStack(root, root.resolve(demo ? ".data/demo" : ".data"), SERVICES, POSTGRES_PORT,
                        KAFKA_PORT, true);
        if (demo) {
            stack.serviceEnvironment.put("AIFUND_CLOCK_START", DemoSeed.CLOCK_START);
            // one real instant for all three, so that they keep the same demo time
            stack.serviceEnvironment.put("AIFUND_CLOCK_STARTED_AT", Instant.now().toString());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        long started = System.nanoTime();
        stack.start();
        List<String> sonyActsFor = List.of();
        if (demo) {
            DemoSeed seed = new DemoSeed(stack.url("funding-service"), stack.url("milestone-service"));
            sonyActsFor = List.of(seed.recipientId(seed.seedIfEmpty(), "Sony Group"));
        }
        stack.printWelcome(Duration.ofNanos(System.nanoTime() - started), sonyActsFor);
        stopped.await();
    }

    public void start() throws IOException, InterruptedException {
        Files.createDirectories(data.resolve("logs"));
        say("PostgreSQL 15 (embedded binaries) on 127.0.0.1:" + postgresPort + ", data in " + data.resolve("postgres"));
        if (!keepData) { // a throw-away stack starts empty, even after a run that was killed before cleaning up
            TempDirs.delete(data.resolve("postgres"));
            TempDirs.delete(data.resolve("kafka"));
        }
        postgres = PostgresServer.start(data.resolve("postgres"), postgresPort, keepData);
        say("Kafka (KRaft, child JVM) on 127.0.0.1:" + kafkaPort + ", data in " + data.resolve("kafka"));
        kafka = KafkaBrokerProcess.start(data.resolve("kafka"), kafkaPort);
        Path publicKey = publicKey();
        Files.createDirectories(publicKey.getParent());
        Files.writeString(publicKey, DevTokens.publicKeyPem());
        for (Service service : layout) {
            services.add(launch(service, publicKey, false));
        }
        for (Service service : layout) {
            awaitReady(service);
        }
    }

    /** {@code again}: after a crash, the log goes on in the same file. */
    private Process launch(Service service, Path publicKey, boolean again) throws IOException {
        Path jar = service.jar(root);
        if (images == null && !Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests install");
        }
        say("starting " + service.name() + " on http://localhost:" + service.port()
                + (images == null ? "" : " (container " + images.container(service) + " of " + images.image(service) + ")"));
        ProcessBuilder builder = new ProcessBuilder()
                .redirectErrorStream(true)
                .redirectOutput(again ? ProcessBuilder.Redirect.appendTo(log(service).toFile())
                        : ProcessBuilder.Redirect.to(log(service).toFile()));
        Map<String, String> env = new java.util.LinkedHashMap<>(); // the service's own, on top of this process's
        env.put("HTTP_PORT", String.valueOf(service.port()));
        env.put("DB_JDBC_URL", postgres.createDatabase(service.database()));
        env.put("DB_USERNAME", PostgresServer.USER);
        env.put("DB_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
        env.put("JWT_ISSUER", DevTokens.ISSUER);
        // traces are made (their context travels with the events) but no collector runs here
        env.put("QUARKUS_LOG_CATEGORY__IO_QUARKUS_OPENTELEMETRY_RUNTIME_EXPORTER__LEVEL", "OFF");
        env.put("LOG_JSON", "false"); // logs for people to read here; JSON lines in production
        // webhook receivers here are plain http on this machine; production requires https, no internal address
        env.put("AIFUND_NOTIFICATION_WEBHOOKS_REQUIRE_HTTPS", "false");
        env.put("AIFUND_NOTIFICATION_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32");
        env.putAll(serviceEnvironment);
        env.putAll(environments.getOrDefault(service.name(), Map.of()));
        builder.command(images == null
                ? List.of(javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString())
                : containerCommand(service, env));
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * The service's own variables go to podman by name ({@code --env NAME}), their values from the
     * environment of the podman process: none on its command line.
     */
    private List<String> containerCommand(Service service, Map<String, String> env) {
        String name = images.container(service);
        podman("rm", "--force", "--ignore", name); // left by a run that was killed before cleaning up
        String keyInside = "/deployments/dev-keys/aifund-dev-public.pem";
        env.put("JWT_PUBLIC_KEY_LOCATION", keyInside);
        List<String> command = new ArrayList<>(List.of("podman", "run", "--rm", "--name", name,
                "--network", "host", "--user", "185:0", "--read-only", "--tmpfs", "/tmp:rw,size=64m,mode=1777",
                "--memory", "512m", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "--volume", publicKey().toAbsolutePath() + ":" + keyInside + ":ro"));
        for (String variable : env.keySet()) {
            command.add("--env");
            command.add(variable);
        }
        command.add(images.image(service));
        return command;
    }

    private static void podman(String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run podman (apt-get install podman): " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Service service) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.name() + " not ready after 90 s; see " + data.resolve("logs")
                .resolve(service.name() + ".log"));
    }

    /** {@code sonyActsFor}: the recipients the consortium member's token names (Sony Group in the demo). */
    private void printWelcome(Duration took, List<String> sonyActsFor) {
        DevTokens tokens = new DevTokens();
        StringBuilder out = new StringBuilder("\nReady in " + took.toSeconds() + " s.\n\n");
        for (Service s : layout) {
            out.append(String.format("  %-22s http://localhost:%d/api   Swagger UI http://localhost:%d/q/swagger-ui%n",
                    s.name(), s.port(), s.port()));
            out.append(String.format("  %-22s http://localhost:%d/q/health   metrics http://localhost:%d/q/metrics%n",
                    "", s.port(), s.port()));
        }
        out.append("  Kafka bootstrap        ").append(kafka.bootstrapServers()).append('\n');
        out.append("  PostgreSQL             ").append(postgres.jdbcUrl("<database>")).append(" (user postgres)\n\n");
        out.append("Development bearer tokens (12 h; signed with the public dev key, never valid in production):\n");
        String[][] cast = {{"admin.sato", "programme-admin"}, {"nedo.tanaka", "nedo-officer"},
                {"meti.suzuki", "meti-official"}, {"meti.takahashi", "meti-official"}, {"meti.sato", "meti-official"},
                {"member.sony", "consortium-member"}, {"auditor.ito", "auditor"}, {"verifier.kato", "verifier"}};
        for (String[] person : cast) {
            out.append(String.format("  export TOKEN_%s=%s%n", person[0].replace('.', '_').toUpperCase(),
                    tokens.mint(person[0], person[1], person[0].equals("member.sony") ? sonyActsFor : List.of(),
                            Duration.ofHours(12))));
        }
        out.append("  (anyone else: deploy/run-local.sh token PERSON ROLE [RECIPIENT_ID,...])\n");
        out.append("\nDashboard: http://localhost:8083/dashboard/#token=").append(tokens.mint("meti.suzuki",
                "meti-official", Duration.ofHours(12))).append('\n');
        if (images != null) {
            out.append("\nContainers (podman): ").append(String.join(" ", containers())).append('\n');
        }
        out.append("\nLogs in ").append(root.relativize(data.resolve("logs"))).append("/. Ctrl-C stops everything.\n");
        System.out.println(out);
    }

    @Override
    public void close() {
        stop();
    }

    synchronized void stop() {
        say("stopping");
        for (Process p : services) {
            p.destroy(); // SIGTERM: Quarkus drains in-flight requests and the outbox
        }
        for (Process p : services) {
            try {
                if (!p.waitFor(25, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        for (String container : containers()) {
            podman("rm", "--force", "--ignore", "--time", "0", container); // gone even when its client was killed
        }
        if (kafka != null) {
            kafka.close();
            if (!keepData) {
                TempDirs.delete(data.resolve("kafka"));
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        say("stopped");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void say(String line) {
        System.out.println("[local-stack] " + line);
    }
}
