package de.augenhoehe.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The ids the platform answered with, by kind of resource (the path segment before them: "partners", "networks",
 * "memberships", …), so that requests reach real resources — and other partners' ones. Some picks are random ids.
 */
final class IdPool {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int KEEP = 200;
    /** Path segments that name an action on the resource before them, not a kind of resource. */
    private static final Set<String> ACTIONS = Set.of("accept", "activate", "decline", "end", "suspend",
            "close", "rotate", "publish", "fill", "withdraw", "status", "confirmation", "cancellation", "outcome", "hired",
            "returned", "lockout", "roles", "minutes", "attendance", "application-click", "redrive");
    private final Map<String, List<String>> byKind = new ConcurrentHashMap<>();

    /** Ids in an answer of the operation at {@code template}: its "id"s are of the template's last resource kind. */
    void harvest(String template, JsonNode body, String location) {
        String kind = lastKind(template);
        if (location != null && UUID_TEXT.matcher(location).find()) {
            String id = location.substring(location.lastIndexOf('/') + 1);
            add(kindBefore(location, id), id);
        }
        walk(body, kind, 0);
    }

    private void walk(JsonNode node, String kind, int depth) {
        if (node == null || depth > 6) {
            return;
        }
        if (node.isObject()) {
            for (var e : node.properties()) {
                JsonNode v = e.getValue();
                if (v.isString() && UUID_TEXT.matcher(v.asString()).matches()) {
                    String name = e.getKey();
                    add(name.equals("id") ? kind : kindOf(name), v.asString());
                } else {
                    walk(v, kind, depth + 1);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, kind, depth + 1));
        }
    }

    /** An id for a parameter or field {@code name} of the operation at {@code template}. */
    String pick(String name, String template, Random random) {
        if (random.nextInt(10) == 0) {
            return UUID.randomUUID().toString();
        }
        String kind = template.contains("{" + name + "}") ? kindBefore(template, "{" + name + "}") : kindOf(name);
        List<String> ids = byKind.getOrDefault(kind, List.of());
        if (ids.isEmpty() || random.nextInt(8) == 0) {
            List<String> all = new ArrayList<>();
            byKind.values().forEach(all::addAll);
            ids = all;
        }
        return ids.isEmpty() ? UUID.randomUUID().toString() : ids.get(random.nextInt(ids.size()));
    }

    List<String> of(String kind) {
        return List.copyOf(byKind.getOrDefault(kind, List.of()));
    }

    private void add(String kind, String id) {
        List<String> ids = byKind.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>());
        if (ids.size() < KEEP && !ids.contains(id)) {
            ids.add(id);
        }
    }

    /** "networkId" → networks, "sendingPartnerId"/"employerId"/"host" → partners, "registrationId" → registrations. */
    static String kindOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("partnerid") || n.endsWith("employerid") || n.equals("host") || n.equals("employers") || n.equals("members")) {
            return "partners";
        }
        if (n.equals("network") || n.equals("networkid")) {
            return "networks";
        }
        String stem = n.endsWith("id") ? n.substring(0, n.length() - 2) : n;
        return stem.endsWith("s") ? stem : stem.endsWith("ch") ? stem + "es" : stem + "s";
    }

    private static String kindBefore(String path, String segment) {
        String before = path.substring(0, path.indexOf(segment));
        String[] parts = before.split("/");
        return parts.length == 0 ? "" : kindOf(parts[parts.length - 1]);
    }

    private static String lastKind(String template) {
        String[] parts = template.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].startsWith("{") && !parts[i].isEmpty() && !ACTIONS.contains(parts[i])) {
                return kindOf(parts[i]);
            }
        }
        return "";
    }
}
