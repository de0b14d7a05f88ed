package de.augenhoehe.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 2: every rendered object against its schema. Core objects parse strictly with the Kubernetes Java client's
 * model (an unknown field, a missing required one or a wrong type fails); the custom resources of Strimzi,
 * CloudNativePG and the Prometheus Operator validate against their CRDs' JSON Schemas in ../shared/k8s-schemas
 * (outside the repository; see its README). A kind that is neither fails: every object is checked.
 */
class SchemaTest {

    static final List<String> VALUES_FILES = Chart.VALUES_FILES;
    static final Path SCHEMAS = Chart.ROOT.resolveSibling("shared/k8s-schemas");

    /** apiVersion/kind → the model's strict parser (validates the JSON against the model, then reads it). */
    interface Parser {
        Object parse(String json) throws IOException;
    }

    static final Map<String, Parser> CORE = Map.of(
            "apps/v1/Deployment", V1Deployment::fromJson,
            "v1/Service", V1Service::fromJson,
            "v1/ConfigMap", V1ConfigMap::fromJson,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::fromJson,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::fromJson,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::fromJson,
            "networking.k8s.io/v1/Ingress", V1Ingress::fromJson);

    /** apiVersion/kind → the schema file under ../shared/k8s-schemas. */
    static final Map<String, String> CUSTOM = Map.of(
            "kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/kafka_v1.json",
            "kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/kafkanodepool_v1.json",
            "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/kafkatopic_v1.json",
            "kafka.strimzi.io/v1/KafkaUser", "kafka.strimzi.io/kafkauser_v1.json",
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/cluster_v1.json",
            "postgresql.cnpg.io/v1/Pooler", "postgresql.cnpg.io/pooler_v1.json",
            "postgresql.cnpg.io/v1/ScheduledBackup", "postgresql.cnpg.io/scheduledbackup_v1.json",
            "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/servicemonitor_v1.json",
            "monitoring.coreos.com/v1/PrometheusRule", "monitoring.coreos.com/prometheusrule_v1.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    @BeforeAll
    static void schemas_are_there() {
        assertThat(SCHEMAS.resolve("README.md"))
                .as("the CRD schemas are read from %s (shared/k8s-schemas beside the repository, never copied into it);"
                        + " without them the custom resources cannot be checked", SCHEMAS)
                .exists();
    }

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void every_rendered_object_is_valid_against_its_schema(String valuesFile) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object : Chart.render(valuesFile).objects()) {
            problems.addAll(check(object));
        }
        assertThat(problems).isEmpty();
    }

    /** The checks are strict: an unknown field, a wrong type, an unknown kind each fail. */
    @Test
    void a_broken_object_fails_its_check() {
        Map<String, Object> deployment = copy(Chart.render("values.yaml").named("Deployment", "augenhoehe-gateway"));
        assertThat(check(deployment)).isEmpty();
        Map<String, Object> unknownField = copy(deployment);
        Obj.list(unknownField, "spec.template.spec.containers").getFirst().put("livenessprobe", Map.of());
        assertThat(check(unknownField)).singleElement().asString().contains("livenessprobe");
        Map<String, Object> wrongType = copy(deployment);
        Obj.map(wrongType, "spec").put("replicas", "two");
        assertThat(check(wrongType)).hasSize(1);

        Map<String, Object> topic = copy(Chart.render("values.yaml").named("KafkaTopic", "partner-events"));
        assertThat(check(topic)).isEmpty();
        Obj.map(topic, "spec").put("replication", 3);
        assertThat(check(topic)).singleElement().asString().contains("replication");
        Map<String, Object> user = copy(Chart.render("values.yaml").named("KafkaUser", "augenhoehe-partner"));
        Obj.list(user, "spec.authorization.acls").getFirst().put("operations", List.of("Scribble"));
        assertThat(check(user)).singleElement().asString().contains("acls/0/operations/0", "enumeration");

        assertThat(check(Map.of("apiVersion", "v1", "kind", "Secret", "metadata", Map.of("name", "x"))))
                .singleElement().asString().contains("no schema");
    }

    static List<String> check(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        String where = type + " " + Obj.name(object) + ": ";
        String json = JSON.writeValueAsString(object);
        if (CORE.containsKey(type)) {
            try {
                CORE.get(type).parse(json);
                return List.of();
            } catch (IOException | RuntimeException e) {
                return List.of(where + e.getMessage());
            }
        }
        if (CUSTOM.containsKey(type)) {
            return schema(CUSTOM.get(type)).validate(json, InputFormat.JSON).stream().map(e -> where + e).toList();
        }
        return List.of(where + "no schema to check it against (add its model or CRD schema to SchemaTest)");
    }

    private static Schema schema(String file) {
        return LOADED.computeIfAbsent(file, f -> {
            try {
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                        .getSchema(Files.readString(SCHEMAS.resolve(f)), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> object) {
        return (Map<String, Object>) deepCopy(object);
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> result = new LinkedHashMap<>();
            m.forEach((k, v) -> result.put((String) k, deepCopy(v)));
            return result;
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(SchemaTest::deepCopy).toList());
        }
        return value;
    }
}
