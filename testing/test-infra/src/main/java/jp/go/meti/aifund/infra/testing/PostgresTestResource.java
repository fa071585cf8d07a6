package jp.go.meti.aifund.infra.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.go.meti.aifund.infra.local.PostgresServer;
import jp.go.meti.aifund.infra.local.TempDirs;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s, chosen in this order: {@code DB_JDBC_URL} (with
 * {@code DB_USERNAME}, {@code DB_PASSWORD}); a Testcontainers server where a Docker engine runs;
 * otherwise PostgreSQL 15 binaries from Maven Central. Init argument {@code database} names the
 * service's own database; one server serves the whole test JVM. {@code AIFUND_TEST_POSTGRES_IMAGE}
 * replaces the stock {@code postgres} container by a local image (testing/testcontainers-test/
 * build-images.sh) run on the host network with {@code PGPORT}, trust auth, for engines that cannot
 * pull images.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static Server server;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        String explicit = System.getenv("DB_JDBC_URL");
        if (explicit != null && !explicit.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", explicit,
                    "quarkus.datasource.username", System.getenv().getOrDefault("DB_USERNAME", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("DB_PASSWORD", ""));
        }
        Server s = server();
        return Map.of("quarkus.datasource.jdbc.url", s.createDatabase(database),
                "quarkus.datasource.username", s.username(),
                "quarkus.datasource.password", s.password());
    }

    @Override
    public void stop() {
        // kept for the next Quarkus application of this JVM; stopped when the JVM exits
    }

    private static synchronized Server server() {
        if (server == null) {
            String image = System.getenv("AIFUND_TEST_POSTGRES_IMAGE");
            server = !KafkaTestResource.dockerAvailable() ? Server.embedded()
                    : image != null && !image.isBlank() ? Server.hostNetworkContainer(image)
                    : Server.container();
        }
        return server;
    }

    /** The two ways to get a server here, behind one face. */
    private interface Server {
        String createDatabase(String name);

        String username();

        String password();

        static Server embedded() {
            try {
                Path dataDir = Files.createTempDirectory("aifund-test-pg-");
                PostgresServer pg = PostgresServer.start(dataDir, 0, false);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    pg.close();
                    TempDirs.delete(dataDir);
                }));
                return new Server() {
                    public String createDatabase(String name) {
                        return pg.createDatabase(name);
                    }

                    public String username() {
                        return PostgresServer.USER;
                    }

                    public String password() {
                        return "";
                    }
                };
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @SuppressWarnings("resource") // stopped when the JVM exits
        static Server hostNetworkContainer(String image) {
            int port = KafkaTestResource.freePort();
            GenericContainer<?> pg = new GenericContainer<>(DockerImageName.parse(image))
                    .withNetworkMode("host")
                    .withEnv("PGPORT", String.valueOf(port))
                    .withEnv("POSTGRES_USER", "postgres")
                    .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 1)
                            .withStartupTimeout(java.time.Duration.ofSeconds(120)));
            pg.start();
            String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
            System.out.println("[test-infra] PostgreSQL from Testcontainers: " + image + " container "
                    + pg.getContainerId() + " at 127.0.0.1:" + port);
            return new Server() {
                public String createDatabase(String name) {
                    try (var c = java.sql.DriverManager.getConnection(base + "postgres", "postgres", "");
                         var s = c.createStatement();
                         var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                        if (!rs.next()) {
                            s.execute("CREATE DATABASE " + name); // a plain name, checked in init
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return base + name;
                }

                public String username() {
                    return "postgres";
                }

                public String password() {
                    return "";
                }
            };
        }

        static Server container() {
            PostgreSQLContainer pg = new PostgreSQLContainer("postgres:15-alpine");
            pg.start();
            return new Server() {
                public String createDatabase(String name) {
                    try (var c = pg.createConnection(""); var s = c.createStatement();
                         var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                        if (!rs.next()) {
                            s.execute("CREATE DATABASE " + name); // a plain name, checked in init
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return pg.getJdbcUrl().replace("/" + pg.getDatabaseName(), "/" + name);
                }

                public String username() {
                    return pg.getUsername();
                }

                public String password() {
                    return pg.getPassword();
                }
            };
        }
    }
}
