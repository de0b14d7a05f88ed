package de.augenhoehe.platform.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.HashMap;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Kafka is part of readiness: a service that cannot reach the broker cannot take part in the event backbone. */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final AdminClient admin;

    public KafkaHealthIndicator(Map<String, Object> adminProperties) {
        Map<String, Object> props = new HashMap<>(adminProperties);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
        this.admin = AdminClient.create(props);
    }

    @Override
    public Health health() {
        try {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
            int nodes = cluster.nodes().get(2, TimeUnit.SECONDS).size();
            return Health.up().withDetail("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS))
                    .withDetail("brokers", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
