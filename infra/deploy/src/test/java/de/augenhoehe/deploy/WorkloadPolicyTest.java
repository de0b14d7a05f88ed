package de.augenhoehe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kubernetes.client.custom.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Step 3, the workloads: every Deployment has probes at its container port, requests and limits, runs as non-root on
 * a read-only root file system, has a PodDisruptionBudget, is spread over nodes, runs at least twice (or under an
 * HPA with minReplicas ≥ 2, the gateway always), and shuts down gracefully for longer than the longest request;
 * only partner-service mounts the token signing key; no Secret value is in the chart. Each policy is shown to fail on a deliberately broken installation.
 */
class WorkloadPolicyTest {

    static final List<String> VALUES_FILES = Chart.VALUES_FILES;
    /** Names of settings that hold a secret: only ever from a Secret (valueFrom), never a literal. */
    /** The authorization server's private key (values identity.signingKeySecret): partner-service's alone. */
    static final String SIGNING_KEY_SECRET = "augenhoehe-jwt-signing";
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL).*");

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void every_workload_keeps_the_policies(String valuesFile) {
        Chart.Manifests m = Chart.render(valuesFile);
        assertThat(m.ofKind("Deployment")).hasSize(6); // the gateway, four services, the portal
        assertThat(violations(m)).isEmpty();
    }

    @Test
    void each_policy_fails_on_a_broken_installation() {
        assertThat(violations(broken(Map.of("services.partner-service.replicas", 1))))
                .containsExactly("Deployment augenhoehe-partner-service: 1 replica(s), fewer than 2");
        assertThat(violations(broken(Map.of("services.gateway.hpa.minReplicas", 1))))
                .containsExactly("HorizontalPodAutoscaler augenhoehe-gateway: minReplicas 1, fewer than 2");
        assertThat(violations(broken(Map.of("services.gateway.hpa.enabled", false))))
                .containsExactly("Deployment augenhoehe-gateway: the gateway has no HorizontalPodAutoscaler");
        assertThat(violations(broken(Map.of("services.vacancy-service.resources.limits", "null"))))
                .containsExactly("Deployment augenhoehe-vacancy-service: container vacancy-service has no limits.cpu",
                        "Deployment augenhoehe-vacancy-service: container vacancy-service has no limits.memory");
        assertThat(violations(broken(Map.of("shutdown.terminationGracePeriodSeconds", 25))))
                .hasSize(6).allMatch(v -> v.contains("grace period 25 s is not longer than preStop 10 s + shutdown 20 s"));
        assertThat(violations(broken(Map.of("shutdown.springShutdownSeconds", 4, "shutdown.terminationGracePeriodSeconds", 40))))
                .hasSize(6).allMatch(v -> v.contains("graceful shutdown 4 s is not longer than the longest request (6 s)"));
        assertThat(violations(broken(Map.of("services.vacancy-service.env.AUGENHOEHE_SEARCH_CURSOR_SECRET", "abc"))))
                .containsExactly("Deployment augenhoehe-vacancy-service: AUGENHOEHE_SEARCH_CURSOR_SECRET is a literal value");
        assertThat(violations(broken(Map.of("javaOptions", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m"))))
                .hasSize(12).contains("Deployment augenhoehe-gateway: container gateway: the JIT stops at tier 1 "
                        + "(-XX:TieredStopAtLevel): C1 only costs twice the CPU per request",
                        "Deployment augenhoehe-gateway: container gateway: code cache of 48m, less than 64m for the full JIT");
        assertThat(violations(broken(Map.of("javaOptions", "-XX:TieredStopAtLevel=4 -XX:ReservedCodeCacheSize=1g")))).isEmpty();
        assertThat(violations(broken(Map.of("services.gateway.signsTokens", true))))
                .containsExactly("Deployment augenhoehe-gateway: mounts the token signing key (only partner-service may)");

        // what no value can change, changed in the rendered objects themselves
        Chart.Manifests m = broken(Map.of());
        Map<String, Object> pod = Obj.map(m.named("Deployment", "augenhoehe-measures-service"), "spec.template.spec");
        Obj.map(pod, "securityContext").remove("runAsNonRoot");
        Map<String, Object> container = Obj.list(pod, "containers").getFirst();
        Obj.map(container, "securityContext").put("readOnlyRootFilesystem", false);
        container.remove("readinessProbe");
        Obj.map(container, "livenessProbe.httpGet").put("port", 9999);
        pod.remove("topologySpreadConstraints");
        m.objects().remove(m.named("PodDisruptionBudget", "augenhoehe-measures-service"));
        m.objects().add(Map.of("apiVersion", "v1", "kind", "Secret", "metadata", Map.of("name", "x"), "data", Map.of("k", "dg==")));
        assertThat(violations(m)).containsExactlyInAnyOrder(
                "Deployment augenhoehe-measures-service: not run as non-root (runAsNonRoot, runAsUser ≠ 0)",
                "Deployment augenhoehe-measures-service: container measures-service has a writable root file system or may escalate privileges",
                "Deployment augenhoehe-measures-service: container measures-service: readinessProbe is not GET /actuator/health/readiness at its port",
                "Deployment augenhoehe-measures-service: container measures-service: livenessProbe is not GET /actuator/health/liveness at its port",
                "Deployment augenhoehe-measures-service: not spread over nodes (topologySpreadConstraints on kubernetes.io/hostname)",
                "Deployment augenhoehe-measures-service: no PodDisruptionBudget that keeps a pod",
                "Secret x: the chart renders a Secret (its values would be in the chart or its values)");
    }

    private static Chart.Manifests broken(Map<String, Object> sets) {
        return Chart.render("values.yaml", sets);
    }

    static List<String> violations(Chart.Manifests m) {
        List<String> result = new ArrayList<>();
        int longestRequest = longestRequestSeconds();
        for (Map<String, Object> d : m.ofKind("Deployment")) {
            String where = "Deployment " + Obj.name(d) + ": ";
            Map<String, Object> pod = Obj.map(d, "spec.template.spec");
            Map<String, Object> podLabels = Obj.map(d, "spec.template.metadata.labels");
            List<Map<String, Object>> hpas = m.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> "Deployment".equals(Obj.at(h, "spec.scaleTargetRef.kind"))
                            && Obj.name(d).equals(Obj.at(h, "spec.scaleTargetRef.name")))
                    .toList();
            int replicas = Obj.integer(d, "spec.replicas");
            if (hpas.isEmpty() && replicas < 2) {
                result.add(where + (replicas < 0 ? 1 : replicas) + " replica(s), fewer than 2");
            }
            if (hpas.isEmpty() && "gateway".equals(podLabels.get("app.kubernetes.io/component"))) {
                result.add(where + "the gateway has no HorizontalPodAutoscaler");
            }
            Map<String, Object> podSecurity = Obj.map(pod, "securityContext");
            if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot")) || Obj.integer(podSecurity, "runAsUser") == 0) {
                result.add(where + "not run as non-root (runAsNonRoot, runAsUser ≠ 0)");
            }
            if (Obj.list(pod, "topologySpreadConstraints").stream().noneMatch(t -> "kubernetes.io/hostname".equals(t.get("topologyKey")))) {
                result.add(where + "not spread over nodes (topologySpreadConstraints on kubernetes.io/hostname)");
            }
            if (m.ofKind("PodDisruptionBudget").stream().noneMatch(p -> keepsAPod(p, podLabels, Math.max(replicas, 2)))) {
                result.add(where + "no PodDisruptionBudget that keeps a pod");
            }
            for (Map<String, Object> c : Obj.list(pod, "containers")) {
                result.addAll(container(where, c, pod, longestRequest));
            }
            boolean signs = Obj.list(pod, "volumes").stream().anyMatch(v -> SIGNING_KEY_SECRET.equals(Obj.at(v, "secret.secretName")));
            if (signs != Obj.name(d).equals("augenhoehe-partner-service")) {
                result.add(where + (signs ? "mounts the token signing key (only partner-service may)" : "partner-service lacks the token signing key"));
            }
        }
        for (Map<String, Object> h : m.ofKind("HorizontalPodAutoscaler")) {
            String where = "HorizontalPodAutoscaler " + Obj.name(h) + ": ";
            boolean target = m.ofKind("Deployment").stream().anyMatch(d -> Obj.name(d).equals(Obj.at(h, "spec.scaleTargetRef.name")))
                    && "Deployment".equals(Obj.at(h, "spec.scaleTargetRef.kind"));
            if (!target) {
                result.add(where + "targets no Deployment of the chart");
            }
            if (Obj.integer(h, "spec.minReplicas") < 2) {
                result.add(where + "minReplicas " + Obj.integer(h, "spec.minReplicas") + ", fewer than 2");
            }
            if (Obj.integer(h, "spec.maxReplicas") < Obj.integer(h, "spec.minReplicas")) {
                result.add(where + "maxReplicas below minReplicas");
            }
        }
        m.ofKind("Secret").forEach(s -> result.add("Secret " + Obj.name(s) + ": the chart renders a Secret (its values would be in the chart or its values)"));
        return result;
    }

    private static List<String> container(String where, Map<String, Object> c, Map<String, Object> pod, int longestRequest) {
        List<String> result = new ArrayList<>();
        String name = (String) c.get("name");
        for (String part : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
            if (Obj.at(c, "resources." + part) == null) {
                result.add(where + "container " + name + " has no " + part);
            }
        }
        for (String resource : List.of("cpu", "memory")) {
            Object request = Obj.at(c, "resources.requests." + resource);
            Object limit = Obj.at(c, "resources.limits." + resource);
            if (request != null && limit != null
                    && Quantity.fromString(request.toString()).getNumber().compareTo(Quantity.fromString(limit.toString()).getNumber()) > 0) {
                result.add(where + "container " + name + " requests more " + resource + " than its limit");
            }
        }
        Map<String, Object> security = Obj.map(c, "securityContext");
        if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem")) || !Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
            result.add(where + "container " + name + " has a writable root file system or may escalate privileges");
        }
        Map<String, Object> port = Obj.list(c, "ports").stream().findFirst().orElse(Map.of());
        for (String probe : List.of("liveness", "readiness")) {
            Map<String, Object> get = Obj.map(c, probe + "Probe.httpGet");
            Object at = get.get("port");
            boolean atPort = Objects.equals(at, port.get("name")) || Objects.equals(at, port.get("containerPort"));
            if (!("/actuator/health/" + probe).equals(get.get("path")) || !atPort) {
                result.add(where + "container " + name + ": " + probe + "Probe is not GET /actuator/health/" + probe + " at its port");
            }
        }
        int preStop = Obj.integer(c, "lifecycle.preStop.sleep.seconds");
        int grace = Obj.integer(pod, "terminationGracePeriodSeconds");
        int shutdown = Obj.list(c, "env").stream().filter(e -> "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE".equals(e.get("name")))
                .map(e -> (int) Duration.parse("PT" + e.get("value")).toSeconds()).findFirst().orElse(30); // Spring's default
        if (shutdown <= longestRequest) {
            result.add(where + "graceful shutdown " + shutdown + " s is not longer than the longest request (" + longestRequest + " s)");
        }
        if (grace <= Math.max(preStop, 0) + shutdown) {
            result.add(where + "grace period " + grace + " s is not longer than preStop " + preStop + " s + shutdown " + shutdown + " s");
        }
        String jvm = Obj.list(c, "env").stream().filter(e -> "JDK_JAVA_OPTIONS".equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value"))).findFirst().orElse("");
        result.addAll(jit(where + "container " + name + ": ", jvm));
        for (Map<String, Object> e : Obj.list(c, "env")) {
            String var = (String) e.get("name");
            if (SECRET_NAME.matcher(var).matches() && e.containsKey("value")) {
                result.add(where + var + " is a literal value");
            }
        }
        return result;
    }

    /**
     * A long-running pod gets the full JIT: C1 only (-XX:TieredStopAtLevel=1..3) doubled the gateway's CPU per request
     * (1.04 against 0.51 ms, infra/benchmarks/gateway 2026-12-07), and C2 needs room for its code (the gateway used
     * 27 MB of it under load).
     */
    static List<String> jit(String where, String options) {
        List<String> result = new ArrayList<>();
        Matcher stop = TIERED_STOP.matcher(options);
        if (stop.find() && Integer.parseInt(stop.group(1)) < 4) {
            result.add(where + "the JIT stops at tier " + stop.group(1) + " (-XX:TieredStopAtLevel): C1 only costs twice the CPU per request");
        }
        Matcher cache = CODE_CACHE.matcher(options);
        if (cache.find() && Long.parseLong(cache.group(1)) * UNITS.get(cache.group(2).toLowerCase()) < 64L << 20) {
            result.add(where + "code cache of " + cache.group(1) + cache.group(2) + ", less than 64m for the full JIT");
        }
        return result;
    }

    static final Pattern TIERED_STOP = Pattern.compile("-XX:TieredStopAtLevel=(\\d)");
    static final Pattern CODE_CACHE = Pattern.compile("-XX:ReservedCodeCacheSize=(\\d+)([kKmMgG])");
    static final Map<String, Long> UNITS = Map.of("k", 1L << 10, "m", 1L << 20, "g", 1L << 30);

    /** A PDB that selects these pods and leaves at least one running during a drain. */
    private static boolean keepsAPod(Map<String, Object> pdb, Map<String, Object> podLabels, int replicas) {
        Map<String, Object> match = Obj.map(pdb, "spec.selector.matchLabels");
        if (match.isEmpty() || !podLabels.entrySet().containsAll(match.entrySet())) {
            return false;
        }
        Object max = Obj.at(pdb, "spec.maxUnavailable");
        Object min = Obj.at(pdb, "spec.minAvailable");
        return max instanceof Integer most ? most < replicas : min instanceof Integer least && least >= 1;
    }

    /**
     * The longest a request lives: the gateway's largest time limit (resilience4j.timelimiter in
     * gateway/application.yml; its retries run inside it).
     */
    @SuppressWarnings("unchecked")
    static int longestRequestSeconds() {
        Map<String, Object> limiter = Obj.map(Chart.yaml(Chart.ROOT.resolve("gateway/src/main/resources/application.yml")),
                "resilience4j.timelimiter");
        List<Object> limits = new ArrayList<>();
        Obj.map(limiter, "configs").values().forEach(c -> limits.add(((Map<String, Object>) c).get("timeout-duration")));
        Obj.map(limiter, "instances").values().forEach(c -> limits.add(((Map<String, Object>) c).get("timeout-duration")));
        int longest = limits.stream().filter(Objects::nonNull).mapToInt(l -> (int) Duration.parse("PT" + l.toString().toUpperCase()).toSeconds())
                .max().orElseThrow(() -> new AssertionError("no time limit in gateway/application.yml"));
        assertThat(longest).as("the gateway's longest time limit").isPositive();
        return longest;
    }
}
