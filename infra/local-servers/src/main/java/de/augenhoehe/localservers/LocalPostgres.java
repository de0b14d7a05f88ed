package de.augenhoehe.localservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from zonky's embedded binaries on Maven Central. The data directory persists between
 * runs; the binaries are unpacked into {@code workDir} (kept out of /tmp, which may be mounted noexec or be cleaned).
 * Every commit is durable, as on a production server: services refuse to start on anything less
 * ({@code DurableCommits} in the platform).
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path dataDir;
    private final Path workDir;
    private final int port;
    private EmbeddedPostgres postgres;

    public LocalPostgres(Path dataDir, Path workDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.workDir = workDir.toAbsolutePath();
        this.port = port;
    }

    public synchronized LocalPostgres start() {
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(dataDir.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    // small for the many short-lived test databases; a benchmark over a million rows raises it like a real server
                    .setServerConfig("shared_buffers", System.getProperty("augenhoehe.postgres.shared-buffers", "128MB"))
                    // zonky starts with synchronous_commit=off: an acknowledged commit could vanish in a crash
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL could not start in " + dataDir, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates (once) a role owning a database of the same purpose; an existing one is left as it is. */
    public void ensureDatabase(String database, String role, String password) {
        requireIdentifier(database);
        requireIdentifier(role);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
                s.execute("create role " + role + " login password '" + password.replace("'", "''") + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
                s.execute("create database " + database + " owner " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + database, e);
        }
    }

    public void dropDatabase(String database) {
        requireIdentifier(database);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + database, e);
        }
    }

    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
            } finally {
                postgres = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL 127.0.0.1:" + port + " (" + dataDir + ")";
    }
}
