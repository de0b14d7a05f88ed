package de.augenhoehe.platform.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * A service answers 201 only for what survives a crash, so it refuses to start on a database whose commits are
 * not durable — as the outbox relay refuses a producer without acks=all. Read through the service's own
 * connection, so settings per role or per database count too.
 */
public final class DurableCommits {

    /** The settings and the values that lose acknowledged commits in a crash. */
    private static final Map<String, String> NOT_DURABLE = Map.of(
            "synchronous_commit", "off",
            "fsync", "off",
            "full_page_writes", "off");

    private DurableCommits() {
    }

    /** Throws unless every commit on this data source is flushed before it is acknowledged. */
    public static Map<String, String> verify(DataSource dataSource) {
        Map<String, String> effective = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String name : NOT_DURABLE.keySet().stream().sorted().toList()) {
                try (ResultSet rs = s.executeQuery("select current_setting('" + name + "')")) {
                    rs.next();
                    effective.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's durability settings", e);
        }
        effective.forEach((name, value) -> {
            if (NOT_DURABLE.get(name).equalsIgnoreCase(value)) {
                throw new IllegalStateException("Refusing to start: the database runs with " + name + "=" + value
                        + ", so an acknowledged write could be lost in a crash (need synchronous_commit, fsync and"
                        + " full_page_writes on; effective: " + effective + ")");
            }
        });
        return effective;
    }
}
