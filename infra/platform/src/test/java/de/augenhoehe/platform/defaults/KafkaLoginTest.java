package de.augenhoehe.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Issue #15: with a user and password, every Kafka client of a service logs in with SASL SCRAM-SHA-512. */
class KafkaLoginTest {

    @Test
    void user_and_password_become_the_sasl_properties_of_every_client() {
        Map<String, Object> d = login(new MockEnvironment().withProperty("augenhoehe.kafka.username", "vacancy")
                .withProperty("augenhoehe.kafka.password", "se\"cr\\et pass"));
        assertThat(d).containsEntry("spring.kafka.security.protocol", "SASL_PLAINTEXT")
                .containsEntry("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
        var entry = JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG,
                new Password((String) d.get("spring.kafka.properties.sasl.jaas.config")))).configurationEntries().getFirst();
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(Map.<String, Object>copyOf(entry.getOptions())).containsEntry("username", "vacancy").containsEntry("password", "se\"cr\\et pass");
    }

    @Test
    void without_them_the_clients_stay_plaintext_and_one_without_the_other_is_refused() {
        assertThat(login(new MockEnvironment())).isEmpty();
        assertThatThrownBy(() -> login(new MockEnvironment().withProperty("augenhoehe.kafka.username", "vacancy")))
                .hasMessageContaining("AUGENHOEHE_KAFKA_PASSWORD");
    }

    private static Map<String, Object> login(MockEnvironment environment) {
        Map<String, Object> d = new LinkedHashMap<>();
        PlatformDefaults.kafkaLogin(environment, d);
        return d;
    }
}
