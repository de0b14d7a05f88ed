package de.augenhoehe.deploy;

import java.util.List;
import java.util.Map;

/** Reading a rendered object (nested maps and lists, as YAML loads them) by path, without casts in every test. */
final class Obj {

    private Obj() {
    }

    static String name(Map<String, Object> object) {
        return (String) map(object, "metadata").get("name");
    }

    /** The value at a dotted path ("spec.template.spec"), or null where any part is missing. */
    @SuppressWarnings("unchecked")
    static Object at(Object object, String path) {
        Object current = object;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(part);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object object, String path) {
        Object value = at(object, path);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object object, String path) {
        Object value = at(object, path);
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }

    /** A list of plain values (strings, numbers) at a path, as strings. */
    static List<String> strings(Object object, String path) {
        Object value = at(object, path);
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    static int integer(Object object, String path) {
        Object value = at(object, path);
        return value instanceof Number n ? n.intValue() : value == null ? -1 : Integer.parseInt(value.toString());
    }
}
