package de.augenhoehe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Step 3, Kafka and PostgreSQL: every topic has 3 replicas and min.insync.replicas 2; each service's KafkaUser grants
 * exactly what it publishes (infra/contracts/asyncapi.yaml: the ce_source of a channel's messages) and consumes (the
 * consumer lines of infra/docker/kafka/init-security.sh, which infra/e2e's KafkaSecurityTest holds to the services'
 * EventHandlers) and is the user the service logs in as; every service's database is its own three-instance
 * CloudNativePG cluster with synchronous replication and a scheduled backup, its credentials from the operator's
 * Secret.
 */
class BackbonePolicyTest {

    static final List<String> VALUES_FILES = Chart.VALUES_FILES;
    static final List<String> SERVICES = List.of("partner-service", "vacancy-service", "measures-service", "outreach-service");

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void kafka_and_postgres_keep_the_policies(String valuesFile) throws IOException {
        Chart.Manifests m = Chart.render(valuesFile);
        assertThat(m.ofKind("KafkaTopic")).hasSize(8);
        assertThat(m.ofKind("KafkaUser")).hasSize(4);
        assertThat(m.ofKind("Cluster")).hasSize(5); // the four services' databases and the portal's (#18)
        assertThat(violations(m)).isEmpty();
    }

    @Test
    void each_policy_fails_on_a_broken_installation() throws IOException {
        assertThat(violations(broken(Map.of("kafka.replicationFactor", 1))))
                .contains("KafkaTopic partner-events: 1 replicas, not 3", "Kafka augenhoehe: default.replication.factor 1, not 3");
        assertThat(violations(broken(Map.of("kafka.minInsyncReplicas", 1))))
                .contains("KafkaTopic vacancy-events-dlt: min.insync.replicas 1, not 2");
        assertThat(violations(broken(Map.of("services.vacancy-service.kafka.consumes[1]", "measure-events"))))
                .containsExactly("KafkaUser augenhoehe-vacancy: ACLs differ from the contract: expected "
                        + acls("vacancy-events", Set.of("partner-events"), "vacancy-service") + " but granted "
                        + acls("vacancy-events", Set.of("partner-events", "measure-events"), "vacancy-service"));
        assertThat(violations(broken(Map.of("postgres.synchronous", false))))
                .hasSize(5).allMatch(v -> v.endsWith("no synchronous replication with dataDurability required"));
        assertThat(violations(broken(Map.of("postgres.instances", 2)))).hasSize(5).allMatch(v -> v.endsWith("2 instances, fewer than 3"));
        assertThat(violations(broken(Map.of("postgres.backup.enabled", false))))
                .hasSize(5).allMatch(v -> v.endsWith("no ScheduledBackup"));
    }

    private static Chart.Manifests broken(Map<String, Object> sets) {
        return Chart.render("values.yaml", sets);
    }

    static List<String> violations(Chart.Manifests m) throws IOException {
        List<String> result = new ArrayList<>();
        for (Map<String, Object> kafka : m.ofKind("Kafka")) {
            Map<String, Object> config = Obj.map(kafka, "spec.kafka.config");
            if (number(config.get("default.replication.factor")) != 3) {
                result.add("Kafka " + Obj.name(kafka) + ": default.replication.factor " + config.get("default.replication.factor") + ", not 3");
            }
            if (number(config.get("min.insync.replicas")) != 2) {
                result.add("Kafka " + Obj.name(kafka) + ": min.insync.replicas " + config.get("min.insync.replicas") + ", not 2");
            }
        }
        int brokers = m.ofKind("KafkaNodePool").stream().filter(p -> Obj.strings(p, "spec.roles").contains("broker"))
                .mapToInt(p -> Obj.integer(p, "spec.replicas")).sum();
        int controllers = m.ofKind("KafkaNodePool").stream().filter(p -> Obj.strings(p, "spec.roles").contains("controller"))
                .mapToInt(p -> Obj.integer(p, "spec.replicas")).sum();
        if (brokers < 3 || controllers < 3) {
            result.add("KafkaNodePool: " + brokers + " brokers and " + controllers + " controllers, fewer than 3");
        }
        Set<String> topics = new TreeSet<>();
        for (Map<String, Object> t : m.ofKind("KafkaTopic")) {
            topics.add((String) Obj.at(t, "spec.topicName"));
            if (Obj.integer(t, "spec.replicas") != 3) {
                result.add("KafkaTopic " + Obj.name(t) + ": " + Obj.integer(t, "spec.replicas") + " replicas, not 3");
            }
            if (number(Obj.map(t, "spec.config").get("min.insync.replicas")) != 2) {
                result.add("KafkaTopic " + Obj.name(t) + ": min.insync.replicas " + Obj.map(t, "spec.config").get("min.insync.replicas") + ", not 2");
            }
        }
        Map<String, String> publisherOf = publishers();
        Map<String, Set<String>> consumed = consumers();
        Set<String> expectedTopics = new TreeSet<>(publisherOf.keySet());
        consumed.values().forEach(c -> c.forEach(t -> expectedTopics.add(t + ".DLT")));
        if (!topics.equals(expectedTopics)) {
            result.add("KafkaTopics " + topics + ", expected " + expectedTopics);
        }
        for (String service : SERVICES) {
            String publishes = publisherOf.entrySet().stream().filter(e -> e.getValue().equals(service)).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new AssertionError(service + " publishes no channel of asyncapi.yaml"));
            String user = "augenhoehe-" + service.replace("-service", "");
            Map<String, Object> kafkaUser = m.named("KafkaUser", user);
            String expected = acls(publishes, consumed.get(service), applicationName(service));
            String granted = granted(kafkaUser);
            if (!granted.equals(expected)) {
                result.add("KafkaUser " + user + ": ACLs differ from the contract: expected " + expected + " but granted " + granted);
            }
            Map<String, Map<String, Object>> env = env(m.named("Deployment", "augenhoehe-" + service));
            if (!user.equals(Obj.at(env, "AUGENHOEHE_KAFKA_USERNAME.value"))
                    || !user.equals(Obj.at(env, "AUGENHOEHE_KAFKA_PASSWORD.valueFrom.secretKeyRef.name"))) {
                result.add("Deployment augenhoehe-" + service + ": does not log in to Kafka as " + user);
            }
            result.addAll(database(m, service, env));
        }
        // the portal's own database (the signed-in people's sessions, #18) keeps the same rules
        result.addAll(database(m, "portal", env(m.named("Deployment", "augenhoehe-portal"))));
        return result;
    }

    /** Its own cluster: 3 instances, synchronous, the WAL on its own volume, backed up, its URL and credentials pointing at it. */
    private static List<String> database(Chart.Manifests m, String service, Map<String, Map<String, Object>> env) {
        List<String> result = new ArrayList<>();
        String name = service.replace("-service", "");
        String cluster = "augenhoehe-" + name + "-db";
        Map<String, Object> c = m.named("Cluster", cluster);
        String where = "Cluster " + cluster + ": ";
        if (Obj.integer(c, "spec.instances") < 3) {
            result.add(where + Obj.integer(c, "spec.instances") + " instances, fewer than 3");
        }
        if (Obj.integer(c, "spec.postgresql.synchronous.number") < 1 || !"required".equals(Obj.at(c, "spec.postgresql.synchronous.dataDurability"))) {
            result.add(where + "no synchronous replication with dataDurability required");
        }
        if (Obj.at(c, "spec.walStorage.size") == null) {
            result.add(where + "the WAL shares the data volume (no walStorage)");
        }
        if (m.ofKind("ScheduledBackup").stream().noneMatch(b -> cluster.equals(Obj.at(b, "spec.cluster.name")))) {
            result.add(where + "no ScheduledBackup");
        }
        String url = String.valueOf(Obj.at(env, "SPRING_DATASOURCE_URL.value"));
        boolean ownUrl = url.startsWith("jdbc:postgresql://" + cluster + "-") && url.contains(":5432/" + name);
        boolean ownSecret = (cluster + "-app").equals(Obj.at(env, "SPRING_DATASOURCE_PASSWORD.valueFrom.secretKeyRef.name"))
                && (cluster + "-app").equals(Obj.at(env, "SPRING_DATASOURCE_USERNAME.valueFrom.secretKeyRef.name"));
        if (!ownUrl || !ownSecret) {
            result.add("Deployment augenhoehe-" + service + ": database not its own cluster's (" + url + ")");
        }
        return result;
    }

    /** A Kafka setting's value (its keys have dots: not a path). */
    private static int number(Object value) {
        return value == null ? -1 : Integer.parseInt(value.toString());
    }

    /** The grants as one sorted line: resource type:name:operations. */
    static String acls(String publishes, Set<String> consumes, String group) {
        Set<String> lines = new TreeSet<>();
        lines.add("topic:" + publishes + ":Describe,Write");
        for (String t : consumes) {
            lines.add("topic:" + t + ":Describe,Read");
            lines.add("topic:" + t + ".DLT:Describe,Read,Write");
        }
        if (!consumes.isEmpty()) {
            lines.add("group:" + group + ":Read");
        }
        return lines.toString();
    }

    private static String granted(Map<String, Object> kafkaUser) {
        Set<String> lines = new TreeSet<>();
        for (Map<String, Object> acl : Obj.list(kafkaUser, "spec.authorization.acls")) {
            String pattern = String.valueOf(Obj.map(acl, "resource").getOrDefault("patternType", "literal"));
            lines.add(Obj.at(acl, "resource.type") + ":" + Obj.at(acl, "resource.name") + ("literal".equals(pattern) ? "" : "*" + pattern)
                    + ":" + String.join(",", new TreeSet<>(Obj.strings(acl, "operations"))));
        }
        return lines.toString();
    }

    private static Map<String, Map<String, Object>> env(Map<String, Object> deployment) {
        Map<String, Map<String, Object>> result = new TreeMap<>();
        Obj.list(Obj.list(deployment, "spec.template.spec.containers").getFirst(), "env").forEach(e -> result.put((String) e.get("name"), e));
        return result;
    }

    /** channel address → the service whose messages it carries (the ce_source header's constant, /augenhoehe/<service>). */
    static Map<String, String> publishers() {
        Map<String, Object> doc = Chart.yaml(Chart.ROOT.resolve("infra/contracts/asyncapi.yaml"));
        Map<String, String> result = new TreeMap<>();
        for (Object channel : Obj.map(doc, "channels").values()) {
            Set<String> sources = new TreeSet<>();
            for (Object ref : Obj.map(channel, "messages").values()) {
                String message = Obj.at(ref, "$ref").toString().replace("#/components/messages/", "");
                Object source = Obj.at(Obj.map(Obj.map(doc, "components.messages"), message), "headers.properties.ce_source.const");
                sources.add(String.valueOf(source).replace("/augenhoehe/", ""));
            }
            assertThat(sources).as("the publisher of channel " + Obj.at(channel, "address")).hasSize(1);
            result.put(String.valueOf(Obj.at(channel, "address")), sources.iterator().next());
        }
        return result;
    }

    /** service → the topics it consumes: init-security.sh's {@code service USER GROUP PUBLISHES CONSUMES...} lines. */
    static Map<String, Set<String>> consumers() throws IOException {
        Map<String, Set<String>> result = new TreeMap<>();
        for (String line : Files.readAllLines(Chart.ROOT.resolve("infra/docker/kafka/init-security.sh"))) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 4 && f[0].equals("service") && !line.contains("()")) {
                result.put(f[2], new TreeSet<>(List.of(f).subList(4, f.length)));
            }
        }
        assertThat(result.keySet()).as("consumer lines of init-security.sh").containsExactlyInAnyOrderElementsOf(SERVICES);
        return result;
    }

    static String applicationName(String service) {
        return String.valueOf(Obj.at(Chart.yaml(Chart.ROOT.resolve(service).resolve("src/main/resources/application.yml")), "spring.application.name"));
    }
}
