package de.augenhoehe.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.augenhoehe.localservers.FreePorts;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.OtlpReceiver;
import de.augenhoehe.testing.TestTokens;

/**
 * The whole platform as ./platform runs it — the four services and the gateway, each its own JVM on real Kafka and
 * PostgreSQL — started once per test JVM and stopped when it exits, so that every IT that needs all of it shares one
 * (five JVM starts are most of this module's time). Every process exports its spans by OTLP to {@link #collector}, as to
 * a collector; the production sampling stays (10 %), a caller's sampled traceparent decides.
 */
final class Platform {

    static final List<String> SERVICES = List.of("partner-service", "vacancy-service", "measures-service", "outreach-service");
    private static Platform started;

    /** Service module → its process; its database's JDBC URL in {@link #databases}. */
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Map<String, String> databases = new LinkedHashMap<>();
    final ServiceProcess gateway;
    final Infrastructure infra = Infrastructure.get();
    final OtlpReceiver collector = OtlpReceiver.start();

    static synchronized Platform get() throws Exception {
        if (started == null) {
            started = new Platform();
        }
        return started;
    }

    private Platform() throws Exception {
        Map<String, String> common = new HashMap<>(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers(),
                "SPRING_DATASOURCE_USERNAME", infra.postgresUser(),
                "SPRING_DATASOURCE_PASSWORD", infra.postgresPassword(),
                "AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + TestTokens.publicKeyFile(),
                "AUGENHOEHE_SECURITY_JWT_ISSUER", TestTokens.ISSUER,
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "",
                // registration mails go nowhere (no demo SMTP server: its fixed port would collide with other builds)
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", String.valueOf(FreePorts.next())));
        common.putAll(tracing());
        for (String module : SERVICES) {
            Map<String, String> env = new HashMap<>(common);
            String database = infra.jdbcUrl(infra.createDatabase("e2e_platform_" + module.replace("-service", "")));
            databases.put(module, database);
            env.put("SPRING_DATASOURCE_URL", database);
            env.put("AUGENHOEHE_IDENTITY_KEY_ENCRYPTION_SECRET", "e2e-only-key-encryption-secret-0123456789");
            env.put("AUGENHOEHE_SEARCH_CURSOR_SECRET", "e2e-only-cursor-key-0123456789abcdef");
            services.put(module, ServiceProcess.start(module, FreePorts.next(), env));
        }
        Map<String, String> gatewayEnv = new HashMap<>(Map.of(
                "AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + TestTokens.publicKeyFile(),
                "AUGENHOEHE_SECURITY_JWT_ISSUER", TestTokens.ISSUER,
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "",
                "AUGENHOEHE_GATEWAY_SERVICES_PORTAL", "http://127.0.0.1:1"));
        gatewayEnv.putAll(tracing());
        services.forEach((module, p) -> gatewayEnv.put("AUGENHOEHE_GATEWAY_SERVICES_"
                + module.replace("-service", "").toUpperCase(Locale.ROOT), "http://127.0.0.1:" + p.port));
        gateway = ServiceProcess.start("gateway", FreePorts.next(), gatewayEnv);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        for (ServiceProcess p : services.values()) {
            p.awaitReady(Duration.ofMinutes(25)); // a shared CI runner under load: five JVMs start slowly
        }
        gateway.awaitReady(Duration.ofMinutes(25));
    }

    private Map<String, String> tracing() {
        return Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", collector.tracesEndpoint(),
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms");
    }

    String base(String module) {
        return "http://127.0.0.1:" + services.get(module).port;
    }

    String gatewayBase() {
        return "http://127.0.0.1:" + gateway.port;
    }

    private void stop() {
        gateway.close();
        services.values().forEach(ServiceProcess::close);
        collector.close();
    }
}
