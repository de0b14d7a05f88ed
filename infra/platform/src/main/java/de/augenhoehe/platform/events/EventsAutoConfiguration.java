package de.augenhoehe.platform.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.platform.health.BoundedHealth;
import de.augenhoehe.platform.health.HealthAutoConfiguration;
import de.augenhoehe.platform.health.KafkaHealthIndicator;

/** The event backbone of a service: outbox + relay, idempotent consumers, dead letters, topics, metrics. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "augenhoehe.events.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager txManager, KafkaProperties kafka,
            EventsProperties properties, MeterRegistry meters) {
        // checked once at start (refuses a configuration that would lose or reorder events), then made per need
        Map<String, Object> producer = RelayProducer.effective(kafka.buildProducerProperties());
        RelayProducer.verify(producer);
        return new OutboxRelay(jdbc, new TransactionTemplate(txManager), () -> RelayProducer.create(producer),
                properties.getRelay(), meters);
    }

    @Bean
    EventPublisher eventPublisher(JdbcTemplate jdbc, JsonMapper json, EventsProperties properties,
            @Value("${spring.application.name}") String application, EventSchemas schemas,
            ObjectProvider<Tracer> tracer, ObjectProvider<OutboxRelay> relay, Clock clock) {
        return new OutboxEventPublisher(jdbc, json, properties, "/augenhoehe/" + application, schemas, tracer,
                relay.getIfAvailable(), clock);
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc, Clock clock) {
        return new OutboxMetrics(jdbc, clock);
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> props = RelayProducer.effective(kafka.buildProducerProperties());
        props.put(org.apache.kafka.clients.producer.ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer()));
    }

    @Bean
    EventProcessors eventProcessors(List<EventHandler> handlers, JdbcTemplate jdbc, PlatformTransactionManager txManager,
            JsonMapper json) {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        return new EventProcessors(handlers, byType -> new IdempotentEventProcessor(jdbc, tx, json, byType));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "augenhoehe.events.consumer.enabled", matchIfMissing = true)
    EventConsumers eventConsumers(EventProcessors processors, KafkaProperties kafka,
            KafkaTemplate<String, byte[]> deadLetterTemplate, EventsProperties properties,
            @Value("${spring.application.name}") String application, MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations) {
        return new EventConsumers(processors, kafka.buildConsumerProperties(), application, deadLetterTemplate,
                properties.getConsumer(), meters, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    DeadLetters deadLetters(EventProcessors processors, KafkaProperties kafka, JdbcTemplate jdbc,
            PlatformTransactionManager txManager, @Value("${spring.application.name}") String application) {
        return new DeadLetters(kafka.buildConsumerProperties(), processors, application, jdbc,
                new TransactionTemplate(txManager));
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    /** The topic this service publishes to and, for each topic it consumes, that topic and its dead-letter topic. */
    @Bean
    KafkaAdmin.NewTopics platformTopics(EventsProperties properties, List<EventHandler> handlers) {
        Set<String> names = new TreeSet<>();
        if (!properties.getTopic().isBlank()) {
            names.add(properties.getTopic());
        }
        for (String consumed : EventProcessors.topics(handlers)) {
            names.add(consumed);
            names.add(consumed + EventConsumers.DLT_SUFFIX);
        }
        List<NewTopic> topics = new ArrayList<>();
        names.forEach(n -> topics.add(new NewTopic(n, properties.getPartitions(), properties.getReplicationFactor())));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean(name = "kafkaHealthIndicator")
    BoundedHealth kafkaHealthIndicator(KafkaAdmin admin) {
        return new BoundedHealth("broker", new KafkaHealthIndicator(admin.getConfigurationProperties()), HealthAutoConfiguration.LIMIT);
    }
}
