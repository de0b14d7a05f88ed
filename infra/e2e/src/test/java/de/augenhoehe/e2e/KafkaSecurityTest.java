package de.augenhoehe.e2e;

import static de.augenhoehe.e2e.KafkaSecurityFacts.composeEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Issue #15, docker-compose.yml as written: the broker lets clients in only with a login, each service has a Kafka
 * user of its own, and the ACL script grants each service exactly what the contracts and the code say it publishes
 * and consumes. {@link KafkaSecurityIT} runs the same configuration and scripts on a real broker.
 */
class KafkaSecurityTest {

    @Test
    void the_broker_takes_clients_only_over_sasl_scram_and_denies_what_no_acl_allows() {
        Map<String, String> kafka = composeEnvironment("kafka");
        Map<String, String> protocols = new TreeMap<>();
        for (String entry : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            protocols.put(entry.split(":")[0], entry.split(":")[1]);
        }
        for (String listener : kafka.get("KAFKA_LISTENERS").split(",")) {
            String name = listener.substring(0, listener.indexOf(':'));
            assertThat(protocols.get(name).startsWith("SASL_") || listener.contains("//localhost:") || listener.contains("//127.0.0.1:"))
                    .as("listener %s: a login, or reachable from inside the broker's container only", listener).isTrue();
        }
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS").split(",")).filteredOn(l -> l.contains("kafka:9092"))
                .singleElement().satisfies(l -> assertThat(protocols.get(l.substring(0, l.indexOf(':')))).isEqualTo("SASL_PLAINTEXT"));
        assertThat(kafka).containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(kafka.get("KAFKA_SUPER_USERS").split(";")).containsExactlyInAnyOrder("User:admin", "User:ANONYMOUS");
    }

    @Test
    void every_service_logs_in_as_its_own_user_with_its_own_password_variable() {
        Map<String, KafkaSecurityFacts.Grant> expected = KafkaSecurityFacts.expected();
        Map<String, String> init = composeEnvironment("kafka-init");
        Set<String> users = new HashSet<>();
        for (var e : expected.entrySet()) {
            Map<String, String> env = composeEnvironment(e.getKey());
            String user = e.getValue().user();
            assertThat(env).as(e.getKey()).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("AUGENHOEHE_KAFKA_USERNAME", user);
            String variable = "AUGENHOEHE_KAFKA_PASSWORD_" + user.toUpperCase();
            assertThat(env.get("AUGENHOEHE_KAFKA_PASSWORD")).as(e.getKey()).startsWith("${" + variable + ":-");
            assertThat(init.get(variable)).as("kafka-init sets the same password").isEqualTo(env.get("AUGENHOEHE_KAFKA_PASSWORD"));
            assertThat(users.add(user)).as("one user per service").isTrue();
        }
        assertThat(composeEnvironment("kafka-format").get("AUGENHOEHE_KAFKA_PASSWORD_ADMIN"))
                .isEqualTo(init.get("AUGENHOEHE_KAFKA_PASSWORD_ADMIN"));
    }

    @Test
    void the_acl_script_grants_each_service_exactly_what_it_publishes_and_consumes() {
        List<KafkaSecurityFacts.Grant> scripted = KafkaSecurityFacts.scripted();
        assertThat(scripted).containsExactlyInAnyOrderElementsOf(KafkaSecurityFacts.expected().values());
    }
}
