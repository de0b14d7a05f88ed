package de.augenhoehe.platform.health;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Health that answers within a second and names the cause. Readiness is the database only: every request needs it,
 * while writes go on through the outbox when the broker is away (the broker stays in the overall health, for
 * operators and alerts).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
public class HealthAutoConfiguration {

    /** How long a probe waits for a check; callers (probes, the gateway's ops view) give up after 2–3 s. */
    public static final Duration LIMIT = Duration.ofMillis(800);

    @Bean
    @ConditionalOnBean(DataSource.class)
    BoundedHealth dbHealthIndicator(DataSource dataSource) {
        return new BoundedHealth("database", new DataSourceHealthIndicator(dataSource), LIMIT);
    }
}
