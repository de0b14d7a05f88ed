package de.augenhoehe.localservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An acknowledged commit survives a crash of the server: every process of a local PostgreSQL is killed with
 * SIGKILL right after a burst of commits, the server starts again on the same data directory, and every
 * acknowledged row is there. (With zonky's default {@code synchronous_commit=off} the last ~200 ms were lost.)
 */
class LocalPostgresCrashIT {

    private static final int COMMITS = 2_000;

    @Test
    void acknowledged_commits_survive_a_sigkill_of_the_server() throws Exception {
        Path root = Files.createTempDirectory("pg-crash-");
        int port = FreePorts.next();
        LocalPostgres first = new LocalPostgres(root.resolve("data"), root.resolve("work"), port).start();
        try (Connection c = DriverManager.getConnection(first.jdbcUrl("postgres"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(s, "fsync")).isEqualTo("on");
            assertThat(setting(s, "full_page_writes")).isEqualTo("on");
            s.execute("create table acknowledged (n int primary key)");
            for (int n = 1; n <= COMMITS; n++) {
                s.execute("insert into acknowledged values (" + n + ")"); // autocommit: returned = acknowledged
            }
            killEveryProcessOf(postmasterOf(s));
        }
        stopQuietly(first); // releases zonky's lock on the folders; the server is gone already
        LocalPostgres second = new LocalPostgres(root.resolve("data"), root.resolve("work"), port).start();
        try (Connection c = DriverManager.getConnection(second.jdbcUrl("postgres"), "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from acknowledged")) {
            rs.next();
            assertThat(rs.getInt(1)).as("acknowledged rows after the crash").isEqualTo(COMMITS);
        } finally {
            second.stop();
        }
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static ProcessHandle postmasterOf(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ProcessHandle.of(rs.getLong(1)).orElseThrow().parent().orElseThrow();
        }
    }

    private static void stopQuietly(LocalPostgres crashed) {
        try {
            crashed.stop();
        } catch (IllegalStateException expected) {
            // pg_ctl finds no server to stop
        }
    }

    /** A crash, not a shutdown: the postmaster and all its children at once, none gets to flush anything. */
    private static void killEveryProcessOf(ProcessHandle postmaster) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().join();
        }
    }
}
