package de.augenhoehe.chaos;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One consumer's database refuses connections, as it does during a failover or an operator's maintenance: new
 * connections are refused ({@code ALTER DATABASE … WITH ALLOW_CONNECTIONS false}: "database … is not currently
 * accepting connections") and the open ones are cut ({@code pg_terminate_backend}). The rest of the server serves on.
 */
final class ConnectionRefusal {

    private final Observer observer;
    private final String database;

    ConnectionRefusal(Observer observer, String database) {
        this.observer = observer;
        this.database = database;
    }

    void refuse() {
        execute("alter database " + database + " with allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
    }

    void allow() {
        execute("alter database " + database + " with allow_connections true");
    }

    private void execute(String... sql) {
        try (Connection c = observer.connect("postgres"); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + e.getMessage(), e);
        }
    }
}
