package de.augenhoehe.platform.persistence;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/** Database defaults every service shares: nothing is acknowledged that a crash could take back. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class PersistenceAutoConfiguration {

    @Bean
    InitializingBean durableCommitsCheck(DataSource dataSource) {
        return () -> DurableCommits.verify(dataSource);
    }
}
