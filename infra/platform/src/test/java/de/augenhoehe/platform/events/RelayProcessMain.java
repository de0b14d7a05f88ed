package de.augenhoehe.platform.events;

import java.util.Map;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A relay in a process of its own, for the crash test: args JDBC_URL USER PASSWORD BOOTSTRAP. Runs until killed. */
public final class RelayProcessMain {

    public static void main(String[] args) throws InterruptedException {
        DriverManagerDataSource ds = new DriverManagerDataSource(args[0], args[1], args[2]);
        EventsProperties.Relay settings = new EventsProperties.Relay();
        settings.setBatchSize(10);
        settings.setPollInterval(Duration.ofMillis(50));
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[3]);
        OutboxRelay relay = new OutboxRelay(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)),
                () -> RelayProducer.create(producer), settings, new SimpleMeterRegistry());
        relay.start();
        System.out.println("RELAYING");
        Thread.sleep(Long.MAX_VALUE);
    }
}
