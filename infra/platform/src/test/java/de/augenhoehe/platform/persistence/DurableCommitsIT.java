package de.augenhoehe.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import de.augenhoehe.testing.Infrastructure;

/** A service does not start on a database that could lose an acknowledged commit. */
class DurableCommitsIT {

    private final Infrastructure infra = Infrastructure.get();
    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PersistenceAutoConfiguration.class));

    @Test
    void starts_on_the_test_servers_which_commit_durably() {
        String db = infra.createDatabase("durable");
        service.withBean(DataSource.class, () -> dataSource(db)).run(context -> assertThat(context).hasNotFailed());
        assertThat(DurableCommits.verify(dataSource(db))).containsEntry("synchronous_commit", "on")
                .containsEntry("fsync", "on").containsEntry("full_page_writes", "on");
    }

    @Test
    void refuses_a_database_with_asynchronous_commit() throws Exception {
        String db = infra.createDatabase("async");
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(db), infra.postgresUser(), infra.postgresPassword());
                Statement s = c.createStatement()) {
            s.execute("alter database " + db + " set synchronous_commit = off");
        }
        service.withBean(DataSource.class, () -> dataSource(db)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("synchronous_commit=off").hasMessageContaining("Refusing to start");
        });
    }

    private DataSource dataSource(String db) {
        return new DriverManagerDataSource(infra.jdbcUrl(db), infra.postgresUser(), infra.postgresPassword());
    }
}
