package jp.go.meti.aifund.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 server from the binaries on Maven Central (io.zonky.test), no installation
 * and no Docker needed. One server, one database per service.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    private final Path dataDir;
    private final int port;
    private final boolean keepData;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDir, int port, boolean keepData) {
        this.dataDir = dataDir;
        this.port = port;
        this.keepData = keepData;
        this.postgres = launch();
    }

    /**
     * Starts a server keeping its data in {@code dataDir} (kept after it stops when
     * {@code keepData}, deleted otherwise); {@code port} 0 picks a free one.
     */
    public static PostgresServer start(Path dataDir, int port, boolean keepData) {
        return new PostgresServer(dataDir, port == 0 ? FreePort.find() : port, keepData);
    }

    /** The data directory survives a {@link #restart}: the data goes only when the server is closed. */
    private EmbeddedPostgres launch() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /**
     * Stops the server (fast shutdown: open connections are cut, committed data stays), keeps it
     * down for {@code down}, and starts it again on the same port and data.
     */
    public synchronized void restart(Duration down) throws InterruptedException {
        stop();
        Thread.sleep(down.toMillis());
        postgres = launch();
    }

    /** Creates the database unless it exists, and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public synchronized void close() {
        stop();
        if (!keepData) {
            TempDirs.delete(dataDir);
        }
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
