package de.augenhoehe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.augenhoehe.deploy.NetworkPolicies.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Step 3, the network: who may talk to whom under the rendered NetworkPolicies (and the policy Strimzi makes from the
 * Kafka listener's networkPolicyPeers), as a table. x = allowed, - = denied. Rows are the sources, columns the
 * destinations at their port. Pods outside the chart (DNS, the ingress controller, Prometheus) and addresses outside
 * the cluster are governed by no policy of the chart: what they send and receive is open unless a chart policy closes it.
 */
class NetworkPolicyTest {

    static final List<String> VALUES_FILES = Chart.VALUES_FILES;

    static final String EXPECTED = """
                               gateway partner vacancy measures outreach portal partner-db vacancy-db measures-db outreach-db portal-db kafka dns smtp internet
            ingress-controller x       -       -       -        -        -      -          -          -           -           -         -     x   x    x
            prometheus         x       x       x       x        x        x      -          -          -           -           -         -     x   x    x
            gateway            -       x       x       x        x        x      -          -          -           -           -         -     x   -    -
            partner-service    -       -       -       -        -        -      x          -          -           -           -         x     x   x    -
            vacancy-service    -       -       -       -        -        -      -          x          -           -           -         x     x   -    -
            measures-service   -       -       -       -        -        -      -          -          x           -           -         x     x   x    -
            outreach-service   -       -       -       -        -        -      -          -          -           x           -         x     x   x    -
            portal             x       -       -       -        -        -      -          -          -           -           x         -     x   -    -
            intruder           -       -       -       -        -        -      -          -          -           -           -         -     x   x    x
            cnpg-operator      -       -       -       -        -        -      x          x          x           x           x         -     x   x    x
            """;

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void who_may_talk_to_whom(String valuesFile) {
        assertThat(table(Chart.render(valuesFile))).isEqualTo(normalized(EXPECTED));
    }

    @Test
    void the_table_fails_on_a_broken_installation() {
        // vacancy-service gets mail: its SMTP egress opens
        String withMail = table(Chart.render("values.yaml", Map.of("services.vacancy-service.mail", true)));
        assertThat(withMail).isNotEqualTo(normalized(EXPECTED));
        assertThat(row(withMail, "vacancy-service")).isEqualTo("vacancy-service - - - - - - - x - - - x x x -");
        // the database's own policy removed: any pod of the namespace reaches it
        Chart.Manifests m = Chart.render("values.yaml", Map.of());
        m.objects().remove(m.named("NetworkPolicy", "augenhoehe-partner-db"));
        assertThat(row(table(m), "intruder")).isEqualTo("intruder - - - - - - x - - - - - x x x");
    }

    /** The table of the rendered policies, in the layout of {@link #EXPECTED} (single spaces). */
    static String table(Chart.Manifests m) {
        Map<String, Endpoint> sources = new LinkedHashMap<>();
        Map<String, Destination> destinations = new LinkedHashMap<>();
        sources.put("ingress-controller", Endpoint.pod("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx")));
        sources.put("prometheus", Endpoint.pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus")));
        for (String app : List.of("gateway", "partner-service", "vacancy-service", "measures-service", "outreach-service", "portal")) {
            Map<String, Object> d = m.named("Deployment", "augenhoehe-" + app);
            Endpoint pod = Endpoint.pod(app, Chart.NAMESPACE, strings(Obj.map(d, "spec.template.metadata.labels")));
            sources.put(app, pod);
            Map<String, Object> container = Obj.list(d, "spec.template.spec.containers").getFirst();
            destinations.put(app.replace("-service", ""), new Destination(pod, Obj.integer(Obj.list(container, "ports").getFirst(), "containerPort"), "TCP"));
        }
        sources.put("intruder", Endpoint.pod("intruder", Chart.NAMESPACE, Map.of("app", "intruder")));
        sources.put("cnpg-operator", Endpoint.pod("cnpg-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg")));
        for (String db : List.of("partner", "vacancy", "measures", "outreach", "portal")) {
            destinations.put(db + "-db", new Destination(Endpoint.pod(db + "-db", Chart.NAMESPACE,
                    Map.of("cnpg.io/cluster", "augenhoehe-" + db + "-db", "cnpg.io/instanceRole", "primary", "cnpg.io/podRole", "instance")), 5432, "TCP"));
        }
        destinations.put("kafka", new Destination(Endpoint.pod("kafka", Chart.NAMESPACE,
                Map.of("strimzi.io/cluster", "augenhoehe", "strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true")), 9093, "TCP"));
        destinations.put("dns", new Destination(Endpoint.pod("dns", "kube-system", Map.of("k8s-app", "kube-dns")), 53, "UDP"));
        destinations.put("smtp", new Destination(Endpoint.external("smtp", "203.0.113.25"), 587, "TCP"));
        destinations.put("internet", new Destination(Endpoint.external("internet", "198.51.100.7"), 443, "TCP"));

        List<Map<String, Object>> policies = new ArrayList<>(m.ofKind("NetworkPolicy"));
        policies.addAll(listenerPolicies(m));
        NetworkPolicies network = new NetworkPolicies(policies);
        StringBuilder out = new StringBuilder(String.join(" ", destinations.keySet())).append('\n');
        sources.forEach((name, from) -> {
            out.append(name);
            destinations.values().forEach(to -> out.append(network.allows(from, to.endpoint(), to.port(), to.protocol()) ? " x" : " -"));
            out.append('\n');
        });
        return out.toString();
    }

    record Destination(Endpoint endpoint, int port, String protocol) {
    }

    /** Strimzi's NetworkPolicy per listener: its port open to the networkPolicyPeers (to everyone without any). */
    private static List<Map<String, Object>> listenerPolicies(Chart.Manifests m) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> kafka : m.ofKind("Kafka")) {
            for (Map<String, Object> listener : Obj.list(kafka, "spec.kafka.listeners")) {
                result.add(Map.of(
                        "metadata", Map.of("name", Obj.name(kafka) + "-" + listener.get("name")),
                        "spec", Map.of(
                                "podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", Obj.name(kafka), "strimzi.io/broker-role", "true")),
                                "policyTypes", List.of("Ingress"),
                                "ingress", List.of(Map.of(
                                        "from", Obj.list(listener, "networkPolicyPeers"),
                                        "ports", List.of(Map.of("protocol", "TCP", "port", listener.get("port"))))))));
            }
        }
        return result;
    }

    private static Map<String, String> strings(Map<String, Object> labels) {
        Map<String, String> result = new TreeMap<>();
        labels.forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }

    private static String normalized(String table) {
        return table.lines().map(l -> l.strip().replaceAll("\\s+", " ")).reduce("", (a, b) -> a + b + "\n");
    }

    private static String row(String table, String source) {
        return table.lines().filter(l -> l.startsWith(source + " ")).findFirst().orElseThrow();
    }
}
