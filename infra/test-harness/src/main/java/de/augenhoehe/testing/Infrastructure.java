package de.augenhoehe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Comparator;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import de.augenhoehe.localservers.LocalKafka;
import de.augenhoehe.localservers.LocalPostgres;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, shared by all test classes. Where they come
 * from, in order: servers named by the environment ({@code AUGENHOEHE_TEST_POSTGRES_URL} — a JDBC URL of a
 * database whose user may create databases — with {@code _USER}/{@code _PASSWORD}, and
 * {@code AUGENHOEHE_TEST_KAFKA_BOOTSTRAP}); else Testcontainers when a Docker engine answers; else the same
 * embedded real servers that {@code ./platform} runs.
 */
public final class Infrastructure {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile Infrastructure instance;

    private final String mode;
    private final String postgresAdminUrl;
    private final String postgresBaseUrl;
    private final String postgresUser;
    private final String postgresPassword;
    private final String kafkaBootstrap;
    private final String sharedDatabase;

    private Infrastructure(String mode, String adminUrl, String user, String password, String kafkaBootstrap) {
        this.mode = mode;
        this.postgresAdminUrl = adminUrl;
        this.postgresBaseUrl = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
        this.postgresUser = user;
        this.postgresPassword = password;
        this.kafkaBootstrap = kafkaBootstrap;
        this.sharedDatabase = createDatabase("shared");
    }

    public static Infrastructure get() {
        Infrastructure i = instance;
        if (i == null) {
            synchronized (Infrastructure.class) {
                i = instance;
                if (i == null) {
                    instance = i = start();
                }
            }
        }
        return i;
    }

    private static Infrastructure start() {
        String externalPg = System.getenv("AUGENHOEHE_TEST_POSTGRES_URL");
        String externalKafka = System.getenv("AUGENHOEHE_TEST_KAFKA_BOOTSTRAP");
        if (externalPg != null && externalKafka != null) {
            return new Infrastructure("external", externalPg, env("AUGENHOEHE_TEST_POSTGRES_USER", "postgres"),
                    env("AUGENHOEHE_TEST_POSTGRES_PASSWORD", "postgres"), externalKafka);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer pg = new PostgreSQLContainer("postgres:16-alpine").withCommand("postgres", "-c", "max_connections=300");
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
            pg.start();
            kafka.start();
            return new Infrastructure("testcontainers", pg.getJdbcUrl(), pg.getUsername(), pg.getPassword(), kafka.getBootstrapServers());
        }
        Path root = scratch("augenhoehe-test-");
        LocalPostgres pg = new LocalPostgres(root.resolve("pg-data"), root.resolve("pg-work"),
                de.augenhoehe.localservers.FreePorts.next()).start();
        LocalKafka kafka = LocalKafka.onFreePorts(root.resolve("kafka")).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            pg.stop();
            deleteQuietly(root);
        }, "test-infrastructure-stop"));
        return new Infrastructure("embedded", pg.jdbcUrl("postgres"), "postgres", "postgres", kafka.bootstrapServers());
    }

    /** How the servers were provided: external, testcontainers or embedded. */
    public String mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    public String sharedDatabaseUrl() {
        return postgresBaseUrl + sharedDatabase;
    }

    public String postgresUser() {
        return postgresUser;
    }

    public String postgresPassword() {
        return postgresPassword;
    }

    public String jdbcUrl(String database) {
        return postgresBaseUrl + database;
    }

    /**
     * What a service needs to run on these servers with the test tokens: database {@code jdbcUrl}, Kafka, the JWT key and
     * issuer — for tests that start a service themselves (a second instance, a start-up that must fail, a benchmark).
     */
    public Map<String, Object> serviceProperties(String jdbcUrl) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", postgresUser);
        props.put("spring.datasource.password", postgresPassword);
        props.put("spring.kafka.bootstrap-servers", kafkaBootstrap);
        props.put("augenhoehe.security.jwt.public-key-location", "file:" + TestTokens.publicKeyFile());
        props.put("augenhoehe.security.jwt.issuer", TestTokens.ISSUER);
        return props;
    }

    /** A new, empty database; returns its name. */
    public String createDatabase(String hint) {
        String name = ("t_" + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_"
                + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
        if (name.length() > 60) {
            name = name.substring(name.length() - 60).replaceFirst("^[^a-z]+", "t");
        }
        try (Connection c = DriverManager.getConnection(postgresAdminUrl, postgresUser, postgresPassword);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return name;
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("AUGENHOEHE_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static Path scratch(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a scratch folder in the temp directory: left for the OS to clean
        }
    }
}
