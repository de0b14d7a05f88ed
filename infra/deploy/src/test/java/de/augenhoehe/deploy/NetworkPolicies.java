package de.augenhoehe.deploy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The semantics of Kubernetes NetworkPolicies (networking.k8s.io/v1), over rendered objects: may a connection from
 * one endpoint to another on a port happen? A pod selected by no policy of a direction is open in that direction;
 * once selected, only what some rule of a selecting policy allows. What a CNI plugin really enforces is not checked.
 */
final class NetworkPolicies {

    /** A pod (namespace, its labels, its pod labels) or an address outside the cluster (ip). */
    record Endpoint(String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels, String ip) {

        static Endpoint pod(String name, String namespace, Map<String, String> labels) {
            return new Endpoint(name, namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, null);
        }

        static Endpoint external(String name, String ip) {
            return new Endpoint(name, null, Map.of(), Map.of(), ip);
        }
    }

    private final List<Map<String, Object>> policies;

    /** The policies, each with the namespace it lives in (metadata.namespace, else the release's). */
    NetworkPolicies(List<Map<String, Object>> policies) {
        this.policies = policies;
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return direction(from, to, port, protocol, "Egress", "egress", "to")
                && direction(to, from, port, protocol, "Ingress", "ingress", "from");
    }

    /** Whether the policies selecting {@code subject} in this direction let {@code peer} through. */
    private boolean direction(Endpoint subject, Endpoint peer, int port, String protocol, String type, String rules, String peers) {
        if (subject.ip() != null) {
            return true; // outside the cluster: no policy of ours applies to it
        }
        List<Map<String, Object>> selecting = policies.stream()
                .filter(p -> Objects.equals(namespace(p), subject.namespace()))
                .filter(p -> types(p).contains(type))
                .filter(p -> selects(Obj.map(p, "spec.podSelector"), subject.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (Map<String, Object> p : selecting) {
            for (Map<String, Object> rule : Obj.list(p, "spec." + rules)) {
                boolean portOk = Obj.list(rule, "ports").isEmpty() || Obj.list(rule, "ports").stream().anyMatch(pp ->
                        Objects.equals(pp.getOrDefault("protocol", "TCP"), protocol) && (pp.get("port") == null || Objects.equals(pp.get("port"), port)));
                boolean peerOk = Obj.list(rule, peers).isEmpty()
                        || Obj.list(rule, peers).stream().anyMatch(pe -> matches(pe, namespace(p), peer));
                if (portOk && peerOk) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String namespace(Map<String, Object> policy) {
        Object ns = Obj.at(policy, "metadata.namespace");
        return ns == null ? Chart.NAMESPACE : ns.toString();
    }

    private static List<String> types(Map<String, Object> policy) {
        Object declared = Obj.at(policy, "spec.policyTypes");
        if (declared instanceof List<?> l) {
            return l.stream().map(Object::toString).toList();
        }
        List<String> implied = new ArrayList<>(List.of("Ingress"));
        if (Obj.at(policy, "spec.egress") != null) {
            implied.add("Egress");
        }
        return implied;
    }

    /** One entry of from/to: an ipBlock, or pods by podSelector and/or namespaceSelector. */
    private static boolean matches(Map<String, Object> peer, String policyNamespace, Endpoint e) {
        if (peer.containsKey("ipBlock")) {
            return e.ip() != null && inCidr(e.ip(), (String) Obj.at(peer, "ipBlock.cidr"))
                    && Obj.strings(peer, "ipBlock.except").stream().noneMatch(x -> inCidr(e.ip(), x));
        }
        if (e.ip() != null) {
            return false;
        }
        boolean namespaceOk = peer.containsKey("namespaceSelector")
                ? selects(Obj.map(peer, "namespaceSelector"), e.namespaceLabels())
                : Objects.equals(policyNamespace, e.namespace());
        boolean podOk = !peer.containsKey("podSelector") || selects(Obj.map(peer, "podSelector"), e.labels());
        return namespaceOk && podOk;
    }

    /** A label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist); empty selects all. */
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, Object> e : Obj.map(selector, "matchLabels").entrySet()) {
            if (!Objects.equals(labels.get(e.getKey()), String.valueOf(e.getValue()))) {
                return false;
            }
        }
        for (Map<String, Object> x : Obj.list(selector, "matchExpressions")) {
            String value = labels.get((String) x.get("key"));
            List<String> values = Obj.strings(x, "values");
            boolean ok = switch ((String) x.get("operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + x.get("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        BigInteger a = address(ip);
        BigInteger net = address(parts[0]);
        int width = ip.contains(":") ? 128 : 32;
        return a.shiftRight(width - bits).equals(net.shiftRight(width - bits));
    }

    private static BigInteger address(String ip) {
        try {
            return new BigInteger(1, InetAddress.getByName(ip).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
