package de.augenhoehe.platform.defaults;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The configuration every service shares, as the lowest-precedence property source: a service's own
 * application.yml, the environment and the command line all override it. Kept here so that no service repeats it.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String NAME = "augenhoehe-platform-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> d = new LinkedHashMap<>();
        // Observability: JSON logs with trace ids, probes, Prometheus, every request traced locally.
        if (!environment.getProperty("augenhoehe.logging.plain", Boolean.class, false)) {
            d.put("logging.structured.format.console", "ecs"); // tests switch to plain lines for readable output
        }
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.endpoint.health.show-details", "when-authorized");
        d.put("management.endpoint.health.roles", "OPERATIONS");
        d.put("management.endpoint.health.group.readiness.include", "readinessState,db"); // see HealthAutoConfiguration
        d.put("management.endpoint.health.group.liveness.include", "livenessState");
        d.put("management.tracing.sampling.probability", "1.0");
        d.put("logging.level.org.apache.kafka", "WARN");
        d.put("logging.level.kafka", "WARN");
        d.put("management.observations.annotations.enabled", "true");
        // Web: RFC 9457 problems, strict JSON, virtual threads, graceful shutdown.
        // Our ProblemDetailsAdvice replaces Spring Boot's, so that every problem gets a stable type.
        d.put("spring.mvc.problemdetails.enabled", "false");
        d.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        d.put("spring.jackson.deserialization.fail-on-null-for-primitives", "true");
        d.put("spring.threads.virtual.enabled", "true");
        d.put("server.shutdown", "graceful");
        d.put("server.error.include-stacktrace", "never");
        d.put("server.error.include-message", "never");
        d.put("server.max-http-request-header-size", "16KB");
        d.put("springdoc.api-docs.version", "openapi_3_1");
        d.put("springdoc.swagger-ui.enabled", "true");
        // Persistence: platform tables (outbox, inbox) migrate before the service's own.
        d.put("spring.flyway.locations", "classpath:db/platform,classpath:db/migration");
        d.put("spring.datasource.hikari.maximum-pool-size", "12");
        d.put("spring.datasource.hikari.minimum-idle", "2");
        d.put("spring.datasource.hikari.connection-timeout", "5000");
        // Kafka: the broker may start after us; consumers start from the beginning of a topic they never read.
        d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        d.put("spring.kafka.consumer.enable-auto-commit", "false");
        d.put("spring.kafka.producer.acks", "all");
        d.put("spring.kafka.admin.fail-fast", "false");
        d.put("spring.kafka.admin.operation-timeout", "10s");
        kafkaLogin(environment, d);
        // Security: tokens are for us only.
        d.put("spring.security.oauth2.resourceserver.jwt.audiences", "augenhoehe");
        environment.getPropertySources().addLast(new MapPropertySource(NAME, d));
    }

    /**
     * A broker that requires authentication (docker-compose.yml, every installation beyond ./platform's loopback): with
     * {@code augenhoehe.kafka.username} and {@code .password} (AUGENHOEHE_KAFKA_USERNAME / _PASSWORD) every Kafka client
     * of the service — relay, consumers, dead letters, admin, health — logs in with SASL SCRAM-SHA-512, over plain TCP
     * unless {@code spring.kafka.security.protocol} says {@code SASL_SSL}. Without them: PLAINTEXT, as before.
     */
    static void kafkaLogin(ConfigurableEnvironment environment, Map<String, Object> d) {
        String user = environment.getProperty("augenhoehe.kafka.username", "");
        String password = environment.getProperty("augenhoehe.kafka.password", "");
        if (user.isBlank() && password.isBlank()) {
            return;
        }
        if (user.isBlank() || password.isBlank()) {
            throw new IllegalStateException("augenhoehe.kafka.username and augenhoehe.kafka.password (AUGENHOEHE_KAFKA_USERNAME,"
                    + " AUGENHOEHE_KAFKA_PASSWORD) go together: set both to log in to Kafka, or neither");
        }
        d.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
        d.put("spring.kafka.properties.sasl.mechanism", environment.getProperty("augenhoehe.kafka.sasl-mechanism", "SCRAM-SHA-512"));
        d.put("spring.kafka.properties.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + jaasQuoted(user) + "\" password=\"" + jaasQuoted(password) + "\";");
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
