package de.augenhoehe.gateway.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import de.augenhoehe.gateway.ops.InstanceCalls.Answer;
import de.augenhoehe.gateway.ops.PrometheusText.Sample;
import de.augenhoehe.gateway.ratelimit.RateLimitStore;
import de.augenhoehe.gateway.resilience.OpenCircuits;
import de.augenhoehe.gateway.routing.DownstreamInstances;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations views across all services (role operations, see {@code augenhoehe.gateway.access}): every instance's
 * readiness with its database and Kafka, the gateway's circuit breakers and bulkheads, outbox backlogs, consumer lag
 * and dead letters — read from each instance's own actuator (health, Prometheus text) and dead-letter endpoints with the
 * operator's token.
 */
@RestController
@RequestMapping(path = "/ops", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "operations")
class OpsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A Kafka topic name, as Kafka allows it. */
    static final String TOPIC = "[A-Za-z0-9._-]{1,249}";

    private final DownstreamInstances instances;
    private final InstanceCalls calls;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final OpenCircuits openCircuits;
    private final ObjectProvider<RateLimitStore> rateLimitStore;

    OpsController(DownstreamInstances instances, InstanceCalls calls, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
            OpenCircuits openCircuits, ObjectProvider<RateLimitStore> rateLimitStore) {
        this.rateLimitStore = rateLimitStore;
        this.instances = instances;
        this.calls = calls;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.openCircuits = openCircuits;
    }

    @GetMapping("/health")
    @Operation(summary = "Health of every service instance with its database and Kafka components")
    Mono<Map<String, Object>> health(@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        // the whole health, not readiness: an instance stays ready while the broker is away, the night shift must see it
        return perInstance("/actuator/health", authorization, (instance, answer) -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("instance", instance.getUri().toString());
            view.put("status", answer.status() == 0 ? "UNREACHABLE" : statusOf(answer.body()));
            view.put("components", components(answer.body()));
            if (answer.error() != null) {
                view.put("error", answer.error());
            }
            DownstreamInstances.Health check = instances.health(instance);
            view.put("inLoadBalancer", check.up());
            view.put("lastCheck", check.detail());
            return view;
        }).map(services -> {
            Map<String, Object> result = new LinkedHashMap<>();
            List<String> states = new ArrayList<>();
            Map<String, Object> perService = new TreeMap<>();
            services.forEach((service, views) -> {
                long up = views.stream().filter(v -> "UP".equals(v.get("status"))).count();
                String state = up == views.size() && up > 0 ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
                states.add(state);
                perService.put(service, Map.of("status", state, "instances", views));
            });
            result.put("status", states.contains("DOWN") ? "DOWN" : states.contains("DEGRADED") ? "DEGRADED" : "UP");
            result.put("checkedAt", Instant.now().toString());
            // each service's database and its view of Kafka, as its instances report them (UP if any instance sees it up)
            result.put("databases", component(services, "db"));
            result.put("kafka", component(services, "kafka"));
            result.put("services", perService);
            return result;
        });
    }

    @GetMapping("/rate-limit-store")
    @Operation(summary = "Where this instance's rate-limit buckets live (memory or Redis) and whether the shared store answers")
    RateLimitStore.Status rateLimitStore() {
        RateLimitStore store = rateLimitStore.getIfAvailable();
        return store == null ? new RateLimitStore.Status("none", "OFF", null, "rate limiting is switched off", 0) : store.status();
    }

    @GetMapping("/circuit-breakers")
    @Operation(summary = "State and recent figures of the gateway's circuit breaker and bulkhead per service")
    Map<String, Object> circuitBreakers() {
        Map<String, Object> result = new TreeMap<>();
        for (CircuitBreaker breaker : breakers.getAllCircuitBreakers()) {
            CircuitBreaker.Metrics m = breaker.getMetrics();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("state", breaker.getState().name());
            view.put("failureRatePercent", m.getFailureRate());
            view.put("slowCallRatePercent", m.getSlowCallRate());
            view.put("bufferedCalls", m.getNumberOfBufferedCalls());
            view.put("failedCalls", m.getNumberOfFailedCalls());
            view.put("slowCalls", m.getNumberOfSlowCalls());
            view.put("notPermittedCalls", m.getNumberOfNotPermittedCalls());
            if (breaker.getState() == CircuitBreaker.State.OPEN) {
                view.put("openedAt", String.valueOf(openCircuits.openedAt(breaker.getName())));
                view.put("halfOpenInSeconds", openCircuits.secondsUntilHalfOpen(breaker.getName()));
            }
            bulkheads.find(breaker.getName()).ifPresent(b -> view.put("bulkhead", Map.of(
                    "maxConcurrentCalls", b.getBulkheadConfig().getMaxConcurrentCalls(),
                    "availableConcurrentCalls", b.getMetrics().getAvailableConcurrentCalls())));
            result.put(breaker.getName(), view);
        }
        return result;
    }

    @GetMapping("/outbox")
    @Operation(summary = "Outbox backlog and the age of its oldest pending event per service")
    Mono<Map<String, Object>> outbox(@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return metrics(authorization, List.of("augenhoehe_outbox_backlog", "augenhoehe_outbox_oldest_pending_age_seconds"), samples -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("backlog", sum(samples, "augenhoehe_outbox_backlog"));
            view.put("oldestPendingAgeSeconds", max(samples, "augenhoehe_outbox_oldest_pending_age_seconds"));
            return view;
        });
    }

    @GetMapping("/consumers")
    @Operation(summary = "Consumer lag and dead-lettered events per service")
    Mono<Map<String, Object>> consumers(@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return metrics(authorization, List.of("kafka_consumer_fetch_manager_records_lag", "kafka_consumer_fetch_manager_records_lag_max",
                "augenhoehe_events_dead_lettered"), samples -> {
            Map<String, Object> view = new LinkedHashMap<>();
            Map<String, Double> lagByTopic = new TreeMap<>();
            samples.stream().filter(s -> s.name().equals("kafka_consumer_fetch_manager_records_lag") && s.labels().containsKey("topic"))
                    .forEach(s -> lagByTopic.merge(s.labels().get("topic"), Math.max(0, s.value()), Double::sum));
            view.put("lagByTopic", lagByTopic);
            view.put("maxLag", max(samples, "kafka_consumer_fetch_manager_records_lag_max"));
            view.put("deadLetteredSinceStart", sum(samples, "augenhoehe_events_dead_lettered_total"));
            return view;
        });
    }

    @GetMapping("/dead-letters/{service}")
    @Operation(summary = "A service's dead letters, through its own /internal/dead-letters")
    Mono<ResponseEntity<String>> deadLetters(@Parameter(schema = @Schema(allowableValues = {"partner", "vacancy", "measures", "outreach", "partner-service", "vacancy-service", "measures-service", "outreach-service"})) @PathVariable String service, @Parameter(description = "clamped to 1…1000", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000")) @RequestParam(defaultValue = "100") int limit,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return relay(HttpMethod.GET, service, "/internal/dead-letters?limit=" + Math.clamp(limit, 1, 1000), authorization);
    }

    @PostMapping("/dead-letters/{service}/{topic}/{partition}/{offset}/redrive")
    @Operation(summary = "Send one dead letter of a service back to its topic, through the service's own endpoint")
    Mono<ResponseEntity<String>> redrive(@Parameter(schema = @Schema(allowableValues = {"partner", "vacancy", "measures", "outreach", "partner-service", "vacancy-service", "measures-service", "outreach-service"})) @PathVariable String service, @Parameter(schema = @Schema(pattern = TOPIC, maxLength = 249)) @PathVariable String topic, @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "2147483647")) @PathVariable int partition,
            @Parameter(schema = @Schema(type = "integer", format = "int64", minimum = "0", maximum = "9223372036854775807")) @PathVariable long offset, @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!topic.matches(TOPIC)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a Kafka topic name: " + topic);
        }
        return relay(HttpMethod.POST, service, "/internal/dead-letters/" + topic + "/" + partition + "/" + offset + "/redrive", authorization);
    }

    private Mono<ResponseEntity<String>> relay(HttpMethod method, String service, String path, String authorization) {
        String serviceId = serviceId(service);
        List<ServiceInstance> routable = instances.routable(serviceId);
        if (routable.isEmpty()) {
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "No instance of " + serviceId + " configured"));
        }
        return calls.call(method, routable.getFirst(), path, authorization).flatMap(answer -> {
            if (answer.status() == 0) {
                return Mono.error(new ResponseStatusException(HttpStatus.BAD_GATEWAY, serviceId + ": " + answer.error()));
            }
            ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
            if (answer.contentType() != null) {
                response.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
            }
            return Mono.just(response.body(answer.body()));
        });
    }

    private String serviceId(String service) {
        String id = service.endsWith("-service") ? service : service + "-service";
        if (!instances.all().containsKey(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No service " + service + "; known: " + instances.all().keySet());
        }
        return id;
    }

    /** Per service: its figures from every instance's Prometheus text, and the service's totals. */
    /**
     * The figures of every instance from its metrics, asked only for the metrics named (a counter without
     * {@code _total}): a whole scrape is 70–130 KB and 50–140 ms of a service's time, the named ones a few lines.
     */
    private Mono<Map<String, Object>> metrics(String authorization, List<String> names, Function<List<Sample>, Map<String, Object>> figures) {
        return perInstance("/actuator/prometheus?includedNames=" + String.join(",", names), authorization, (instance, answer) -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("instance", instance.getUri().toString());
            if (answer.ok()) {
                view.putAll(figures.apply(PrometheusText.parse(answer.body())));
            } else {
                view.put("error", answer.status() == 0 ? answer.error() : "HTTP " + answer.status());
            }
            return view;
        }).map(services -> {
            Map<String, Object> result = new TreeMap<>();
            services.forEach((service, views) -> result.put(service, Map.of("instances", views)));
            return result;
        });
    }

    private Mono<Map<String, List<Map<String, Object>>>> perInstance(String path, String authorization,
            BiFunction<ServiceInstance, Answer, Map<String, Object>> view) {
        return Flux.fromIterable(instances.all().entrySet())
                .flatMapSequential(e -> Flux.fromIterable(e.getValue())
                        .flatMapSequential(instance -> calls.call(HttpMethod.GET, instance, path, authorization).map(a -> view.apply(instance, a)))
                        .collectList().map(list -> Map.entry(e.getKey(), list)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> component(Map<String, List<Map<String, Object>>> services, String name) {
        Map<String, String> result = new TreeMap<>();
        services.forEach((service, views) -> {
            List<String> seen = views.stream().map(v -> ((Map<String, String>) v.get("components")).get(name))
                    .filter(Objects::nonNull).toList();
            result.put(service, seen.isEmpty() ? "UNKNOWN" : seen.contains("UP") ? "UP" : seen.getFirst());
        });
        return result;
    }

    private static String statusOf(String body) {
        JsonNode node = tree(body);
        return node != null && node.hasNonNull("status") ? node.get("status").asString() : "UNKNOWN";
    }

    private static Map<String, String> components(String body) {
        Map<String, String> result = new TreeMap<>();
        JsonNode node = tree(body);
        if (node != null && node.has("components")) {
            node.get("components").properties().forEach(e -> result.put(e.getKey(),
                    e.getValue().hasNonNull("status") ? e.getValue().get("status").asString() : "UNKNOWN"));
        }
        return result;
    }

    private static JsonNode tree(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static double sum(List<Sample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).filter(Double::isFinite).sum();
    }

    private static double max(List<Sample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).filter(Double::isFinite).max().orElse(0);
    }
}
