package de.augenhoehe.e2e;

import static de.augenhoehe.e2e.KafkaSecurityFacts.KAFKA_SCRIPTS;
import static de.augenhoehe.e2e.KafkaSecurityFacts.composeEnvironment;
import static de.augenhoehe.e2e.KafkaSecurityFacts.withDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.augenhoehe.e2e.KafkaSecurityFacts.Grant;
import de.augenhoehe.localservers.FreePorts;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TestTokens;

/**
 * Issue #15 on a real broker: docker-compose.yml's Kafka configuration (the kafka service's environment, converted
 * as the apache/kafka image does, by infra/docker/kafka/format-storage.sh itself) and the ACL script
 * (init-security.sh) run unchanged; the Kafka command lines they issue are recorded and executed by Kafka's own
 * tools in this JVM (StorageTool, ConfigCommand, AclCommand, TopicCommand) against a broker of Kafka's own code
 * started from the script's properties. Then each service's user is checked: it writes its own topic only, reads
 * only what it consumes, in its own group only, creates nothing — and a real vacancy-service logs in and consumes.
 * Only addresses, ports and the log directory differ from the container.
 */
class KafkaSecurityIT {

    static Path work;
    static KafkaRaftServer broker;
    static String bootstrap;
    static Map<String, String> passwords = new HashMap<>();
    static final Map<String, Grant> GRANTS = KafkaSecurityFacts.expected();
    static final Set<String> TOPICS = new TreeSet<>(KafkaSecurityFacts.publishers().keySet());

    @BeforeAll
    static void theBrokerOfDockerCompose() throws Exception {
        work = Files.createTempDirectory("kafka-security");
        int sasl = FreePorts.next();
        int internal = FreePorts.next();
        int controller = FreePorts.next();
        Map<String, String> env = new TreeMap<>(composeEnvironment("kafka"));
        env.put("KAFKA_LISTENERS", "SASL://127.0.0.1:" + sasl + ",BROKER://127.0.0.1:" + internal + ",CONTROLLER://127.0.0.1:" + controller);
        env.put("KAFKA_ADVERTISED_LISTENERS", "SASL://127.0.0.1:" + sasl + ",BROKER://127.0.0.1:" + internal);
        env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@127.0.0.1:" + controller);
        env.put("KAFKA_LOG_DIRS", work.resolve("data").toString());
        env.put("KAFKA_LOG_CLEANER_DEDUPE_BUFFER_SIZE", "16777216"); // a small broker's heap, as LocalKafka
        env.put("AUGENHOEHE_KAFKA_PASSWORD_ADMIN", withDefaults(composeEnvironment("kafka-format").get("AUGENHOEHE_KAFKA_PASSWORD_ADMIN")));
        runScript("format-storage.sh", env);

        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(work.resolve("format.properties"))) {
            props.load(r);
        }
        broker = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        broker.startup();
        bootstrap = "127.0.0.1:" + sasl;

        Map<String, String> init = new TreeMap<>();
        composeEnvironment("kafka-init").forEach((k, v) -> init.put(k, withDefaults(v)));
        init.put("KAFKA_BOOTSTRAP", bootstrap);
        GRANTS.values().forEach(g -> passwords.put(g.user(), init.get("AUGENHOEHE_KAFKA_PASSWORD_" + g.user().toUpperCase())));
        runScript("init-security.sh", init);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Test
    void each_service_writes_its_own_topic_and_the_dead_letters_of_what_it_consumes_and_nothing_else() throws Exception {
        for (Grant g : GRANTS.values()) {
            for (String topic : TOPICS) {
                assertThat(sends(g.user(), topic)).as("%s writes %s", g.user(), topic).isEqualTo(topic.equals(g.publishes()));
                assertThat(sends(g.user(), topic + ".DLT")).as("%s writes %s.DLT", g.user(), topic).isEqualTo(g.consumes().contains(topic));
            }
        }
    }

    @Test
    void each_service_reads_what_it_consumes_in_its_own_group_and_nothing_else() {
        for (Grant g : GRANTS.values()) {
            try (var consumer = consumer(g.user(), g.group())) {
                consumer.subscribe(g.consumes());
                Instant deadline = Instant.now().plusSeconds(30);
                while (consumer.assignment().size() < g.consumes().size() * 6 && Instant.now().isBefore(deadline)) {
                    consumer.poll(Duration.ofMillis(200));
                }
                assertThat(consumer.assignment()).as("%s reads %s in group %s", g.user(), g.consumes(), g.group())
                        .hasSize(g.consumes().size() * 6);
            }
            for (String topic : TOPICS) {
                for (String t : List.of(topic, topic + ".DLT")) {
                    if (!g.consumes().contains(topic)) {
                        try (var consumer = consumer(g.user(), g.group())) {
                            consumer.assign(List.of(new TopicPartition(t, 0)));
                            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).as("%s reads %s", g.user(), t)
                                    .isInstanceOf(TopicAuthorizationException.class);
                        }
                    }
                }
            }
            String foreignGroup = GRANTS.values().stream().map(Grant::group).filter(x -> !x.equals(g.group())).findFirst().orElseThrow();
            try (var consumer = consumer(g.user(), foreignGroup)) {
                consumer.subscribe(g.consumes());
                assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).as("%s in group %s", g.user(), foreignGroup)
                        .isInstanceOf(GroupAuthorizationException.class);
            }
        }
    }

    @Test
    void no_service_creates_topics_and_a_wrong_password_is_refused() {
        try (Admin admin = Admin.create(client("vacancy", passwords.get("vacancy")))) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("vacancy-events-2", 1, (short) 1))).all().get(10, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(causedBy(e, TopicAuthorizationException.class)).as(e.toString()).isTrue());
        }
        Map<String, Object> wrong = producer("vacancy");
        wrong.putAll(client("vacancy", "not-the-password-at-all"));
        try (var producer = new KafkaProducer<>(wrong, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("vacancy-events", "k", "v")).get(10, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(causedBy(e, SaslAuthenticationException.class)).as(e.toString()).isTrue());
        }
    }

    @Test
    void vacancy_service_logs_in_with_its_user_and_consumes_in_its_group() throws Exception {
        Infrastructure infra = Infrastructure.get();
        Map<String, String> env = new HashMap<>(composeEnvironment("vacancy-service"));
        env.replaceAll((k, v) -> withDefaults(v));
        env.keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE") || k.contains("JWT") || k.equals("SERVER_PORT"));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SPRING_DATASOURCE_URL", infra.jdbcUrl(infra.createDatabase("e2e_kafka_security")));
        env.put("SPRING_DATASOURCE_USERNAME", infra.postgresUser());
        env.put("SPRING_DATASOURCE_PASSWORD", infra.postgresPassword());
        env.put("AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + TestTokens.publicKeyFile());
        env.put("AUGENHOEHE_SECURITY_JWT_ISSUER", TestTokens.ISSUER);
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
        try (ServiceProcess vacancy = ServiceProcess.start("vacancy-service", FreePorts.next(), env);
                Admin admin = Admin.create(client("admin", withDefaults(composeEnvironment("kafka-init").get("AUGENHOEHE_KAFKA_PASSWORD_ADMIN"))))) {
            vacancy.awaitReady(Duration.ofSeconds(120)); // readiness includes Kafka, asked with the service's login
            Instant deadline = Instant.now().plusSeconds(60);
            GroupState state = GroupState.UNKNOWN;
            while (state != GroupState.STABLE && Instant.now().isBefore(deadline)) {
                state = admin.describeConsumerGroups(List.of("vacancy-service")).all().get(10, TimeUnit.SECONDS).get("vacancy-service").groupState();
                Thread.sleep(500);
            }
            assertThat(state).as("vacancy-service's consumers joined its group: %s", vacancy.tail()).isEqualTo(GroupState.STABLE);
            assertThat(vacancy.tail()).doesNotContain("AuthorizationException").doesNotContain("SaslAuthenticationException");
        }
    }

    // --- clients as the services configure them (PlatformDefaults.kafkaLogin) -----------------------------------------

    static Map<String, Object> client(String user, String password) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";");
        return p;
    }

    /** As the outbox relay: idempotent, acks=all (an idempotent producer needs WRITE on some topic, no cluster right). */
    static Map<String, Object> producer(String user) {
        Map<String, Object> p = client(user, passwords.get(user));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return p;
    }

    static KafkaConsumer<String, String> consumer(String user, String group) {
        Map<String, Object> p = client(user, passwords.get(user));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    /** One record, by a producer of its own (a refused topic must not affect the next check). */
    static boolean sends(String user, String topic) throws Exception {
        try (var producer = new KafkaProducer<>(producer(user), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(20, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                return false;
            }
            throw e;
        }
    }

    static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    // --- the scripts, run by bash; their Kafka command lines run by Kafka's tools in this JVM --------------------------

    static void runScript(String script, Map<String, String> env) throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path calls = work.resolve(script + ".calls");
        for (String tool : List.of("kafka-storage.sh", "kafka-configs.sh", "kafka-acls.sh", "kafka-topics.sh")) {
            Path stub = bin.resolve(tool);
            Files.writeString(stub, "#!/usr/bin/env bash\n"
                    + "{ printf '%s' \"$(basename \"$0\")\"; for a in \"$@\"; do printf '\\037%s' \"$a\"; done; printf '\\n'; } >>\"$CALLS\"\n");
            stub.toFile().setExecutable(true);
        }
        ProcessBuilder pb = new ProcessBuilder("bash", KAFKA_SCRIPTS.resolve(script).toString()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().putAll(env);
        pb.environment().put("KAFKA_BIN", bin.toString());
        pb.environment().put("AUGENHOEHE_WORK_DIR", work.toString());
        pb.environment().put("CALLS", calls.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(script + ": " + output).isZero();
        for (String line : Files.readAllLines(calls)) {
            List<String> parts = new ArrayList<>(Arrays.asList(line.split("\u001f", -1)));
            run(parts.removeFirst(), parts.toArray(String[]::new));
        }
    }

    private static void run(String tool, String[] args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A tool ends with Exit.exit: stop there. TopicCommand calls it in a finally block and catches what it throws
        // (then exits with 1), so the first exit is the tool's verdict.
        List<Integer> exits = new ArrayList<>();
        Exit.setExitProcedure((code, message) -> {
            exits.add(code);
            throw new ToolExit(exits.getFirst(), message);
        });
        try {
            switch (tool) {
                case "kafka-storage.sh" -> {
                    int rc = kafka.tools.StorageTool.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8));
                    assertThat(rc).as(tool + " " + String.join(" ", args) + ": " + out).isZero();
                }
                case "kafka-configs.sh" -> kafka.admin.ConfigCommand.main(args);
                case "kafka-acls.sh" -> org.apache.kafka.tools.AclCommand.main(args);
                case "kafka-topics.sh" -> org.apache.kafka.tools.TopicCommand.main(args);
                default -> throw new AssertionError("the scripts call a tool this test does not know: " + tool);
            }
        } catch (ToolExit e) {
            assertThat(e.code).as(tool + " " + String.join(" ", args) + ": " + e.getMessage()).isZero();
        } finally {
            Exit.resetExitProcedure();
        }
    }

    static final class ToolExit extends RuntimeException {
        final int code;

        ToolExit(int code, String message) {
            super(message);
            this.code = code;
        }
    }
}
