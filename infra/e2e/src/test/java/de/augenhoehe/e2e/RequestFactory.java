package de.augenhoehe.e2e;

import static de.augenhoehe.e2e.OpenApiDocument.hasType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import de.augenhoehe.e2e.OpenApiDocument.Operation;

/**
 * Requests made from an operation's schemas, valid or with one thing wrong: a value of the wrong type, beyond its
 * bounds, of the wrong format, outside its enum, missing, extra, huge or odd (lone surrogates, control characters), a
 * broken body or content type. Ids come from what the platform answered so far ({@link IdPool}), so that requests
 * reach real resources — also other partners' ones.
 */
final class RequestFactory {

    /** A request ready to send; {@code mutation} says what was made wrong, "valid" if nothing. */
    record Probe(Operation operation, String pathAndQuery, Map<String, String> headers, byte[] body, String contentType,
                 String mutation) {
    }

    /** Replaced after serialising by a lone high surrogate as JSON escape: Jackson cannot write one itself. */
    static final String SURROGATE_MARK = "@@lone-surrogate@@";
    static final List<String> ODD_STRINGS = List.of("", " ", "\t\n", "\u0000", "a\u0007b\u001b[31m", "Test" + SURROGATE_MARK + "fall",
            "\uD83D\uDE00\u200F\u202Eevil", "null", "'; drop table partner; --", "../../etc/passwd", "%00%0a%2F",
            "<script>alert(1)</script>", "９９９９", "\uFEFF", "0", "-1", "1e400", "true", "Ünïcödé ÄÖÜß");
    /** Path segments the platform must answer with a problem, never a bare error page. */
    static final List<String> ODD_SEGMENTS = List.of("%2F", "%25", "%3B", "%00", "%0A", "..", "%ED%A0%80", "x%20y", "%C3%28");
    /** Samples for strings with a pattern: keys (Kreis, KldB, postal code, country), external ids, URLs, phones, mail. */
    static final List<String> PATTERNED = List.of("08125", "74072", "242", "24222", "51312", "2422-12", "1", "12", "de", "A",
            "SAP-4711", "pruefung.1", "https://www.example.org/stelle", "+49 7131 123456", "pruefung@example.org", "0812", "081250");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int HUGE = 100_000;
    private static final int MAX_DEPTH = 8;

    private final Random random;
    private final IdPool ids;
    private OpenApiDocument doc;

    RequestFactory(Random random, IdPool ids) {
        this.random = random;
        this.ids = ids;
    }

    /** A request to the operation; with probability {@code wrong} one thing in it is wrong. */
    Probe next(Operation op, double wrong) {
        doc = op.doc();
        List<Map<String, Object>> parameters = op.parameters();
        List<Target> targets = new ArrayList<>(List.of(Target.EXTRA_QUERY));
        if (!parameters.isEmpty()) {
            targets.addAll(List.of(Target.PARAMETER, Target.PARAMETER, Target.PARAMETER));
        }
        if (op.jsonBody() != null) {
            targets.addAll(List.of(Target.BODY, Target.BODY, Target.BODY, Target.BODY, Target.RAW_BODY, Target.RAW_BODY,
                    Target.CONTENT_TYPE, Target.NO_BODY));
        }
        Mutation m = new Mutation(random.nextDouble() < wrong ? pick(targets) : null);
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder path = new StringBuilder();
        List<String> query = new ArrayList<>();
        Map<String, Object> wrongParameter = m.target == Target.PARAMETER && !parameters.isEmpty() ? pick(parameters) : null;
        String template = op.template();
        for (Map<String, Object> p : parameters) {
            String name = (String) p.get("name");
            String in = (String) p.get("in");
            Map<String, Object> schema = doc.resolve(schema(p));
            boolean required = Boolean.TRUE.equals(p.get("required"));
            if (p == wrongParameter && !"path".equals(in) && random.nextInt(3) == 0) {
                m.say(in + " " + name + " missing");
                continue;
            }
            if (p != wrongParameter && !required && random.nextInt(3) > 0) {
                continue;
            }
            String value;
            if (p == wrongParameter) {
                value = "path".equals(in) && random.nextInt(3) == 0 ? pick(ODD_SEGMENTS) : String.valueOf(wrongValue(schema, m));
                m.say(in + " " + name + ": " + m.what);
            } else {
                value = String.valueOf(valid(schema, name, template, 0));
            }
            switch (in) {
                case "path" -> template = template.replace("{" + name + "}",
                        p == wrongParameter && ODD_SEGMENTS.contains(value) ? value : encode(value));
                case "query" -> query.add(encode(name) + "=" + encode(value));
                case "header" -> headers.put(name, headerSafe(value));
                default -> { }
            }
        }
        path.append(template);
        if (!query.isEmpty()) {
            path.append('?').append(String.join("&", query));
        }
        if (m.target == Target.EXTRA_QUERY) {
            path.append(query.isEmpty() ? '?' : '&').append("unbekannt=").append(encode(pick(ODD_STRINGS)));
            m.say("extra query parameter");
        }
        byte[] body = null;
        String contentType = null;
        Map<String, Object> media = op.jsonBody();
        if (media != null) {
            Map<String, Object> schema = doc.resolve(schema(media));
            Object value = media.containsKey("example") ? withIds(copy(media.get("example")), schema, 0) : valid(schema, "body", op.template(), 0);
            contentType = "application/json";
            if (m.target == Target.BODY) {
                value = mutateBody(value, schema, op, m);
            }
            body = json(value);
            if (m.target == Target.RAW_BODY) {
                body = rawBody(m);
            } else if (m.target == Target.CONTENT_TYPE) {
                contentType = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"));
                m.say("content type " + contentType);
            } else if (m.target == Target.NO_BODY) {
                body = null;
                m.say("no body");
            }
        }
        return new Probe(op, path.toString(), headers, body, contentType, m.what == null ? "valid" : m.what);
    }

    enum Target { PARAMETER, EXTRA_QUERY, BODY, RAW_BODY, CONTENT_TYPE, NO_BODY }

    /** What was made wrong. */
    private static final class Mutation {
        final Target target;
        String what;

        Mutation(Target target) {
            this.target = target;
        }

        void say(String what) {
            this.what = what;
        }
    }

    // --- valid values ---

    @SuppressWarnings("unchecked")
    private Object valid(Map<String, Object> schema, String name, String template, int depth) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return pick(values);
        }
        if (schema.containsKey("example") && random.nextBoolean() && !"uuid".equals(schema.get("format"))) {
            return copy(schema.get("example"));
        }
        if (hasType(schema, "string")) {
            return switch (String.valueOf(schema.get("format"))) {
                case "uuid" -> ids.pick(name, template, random);
                case "date" -> "2030-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
                case "date-time" -> "2030-01-15T10:00:00Z";
                case "email" -> "pruefung" + random.nextInt(1000) + "@example.org";
                case "uri" -> "https://example.org/stelle/" + random.nextInt(1000);
                default -> validString(schema);
            };
        }
        if (hasType(schema, "integer") || hasType(schema, "number")) {
            long min = schema.get("minimum") instanceof Number n ? n.longValue() : 0;
            long max = schema.get("maximum") instanceof Number n ? n.longValue() : min + 20;
            return min + (long) (random.nextDouble() * Math.min(max - min + 1, 50));
        }
        if (hasType(schema, "boolean")) {
            return random.nextBoolean();
        }
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (hasType(schema, "array")) {
            List<Object> list = new ArrayList<>();
            if (schema.get("items") instanceof Map<?, ?> items) {
                int n = Math.max(schema.get("minItems") instanceof Number min ? min.intValue() : 0, 1);
                for (int i = 0; i < n; i++) {
                    list.add(valid(resolve(items), name, template, depth + 1));
                }
            }
            return list;
        }
        if (hasType(schema, "object")) {
            Map<String, Object> object = new LinkedHashMap<>();
            ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).forEach((property, s) -> {
                Map<String, Object> ps = resolve(s);
                if (!Boolean.TRUE.equals(ps.get("readOnly"))) {
                    object.put(property, valid(ps, property, template, depth + 1));
                }
            });
            return object;
        }
        return "x";
    }

    private String validString(Map<String, Object> schema) {
        int min = schema.get("minLength") instanceof Number n ? n.intValue() : 1;
        int max = schema.get("maxLength") instanceof Number n ? n.intValue() : 40;
        if (schema.get("pattern") instanceof String pattern) {
            Pattern compiled = PATTERNS.computeIfAbsent(pattern, Pattern::compile);
            int from = random.nextInt(PATTERNED.size());
            for (int i = 0; i < PATTERNED.size(); i++) { // the first of the samples the pattern takes, from a random start
                String candidate = PATTERNED.get((from + i) % PATTERNED.size());
                if (compiled.matcher(candidate).matches() && candidate.length() >= min && candidate.length() <= max) {
                    return candidate;
                }
            }
            return "0".repeat(Math.max(min, 1)).replaceFirst("0$", "1"); // digits fit most keys (Kreis, KldB, PLZ)
        }
        int length = Math.max(min, Math.min(max, 1 + random.nextInt(20)));
        return "Prüfung " + "x".repeat(Math.max(0, length - 8)).substring(0, Math.max(0, length - 8));
    }

    /** The document's example with its ids replaced by ones the platform knows. */
    @SuppressWarnings("unchecked")
    private Object withIds(Object value, Map<String, Object> schema, int depth) {
        if (depth > MAX_DEPTH || value == null) {
            return value;
        }
        if (value instanceof Map<?, ?> map && hasType(schema, "object")) {
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            ((Map<String, Object>) map).replaceAll((k, v) -> properties.containsKey(k) ? withIds(v, resolve(properties.get(k)), depth + 1)
                    : v);
            properties.forEach((k, s) -> {
                if ("uuid".equals(resolve(s).get("format")) && map.get(k) instanceof String) {
                    ((Map<String, Object>) map).put(k, ids.pick(k, "", random));
                }
            });
        } else if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            ((List<Object>) list).replaceAll(v -> withIds(v, resolve(items), depth + 1));
        }
        return value;
    }

    // --- wrong values ---

    private Object wrongValue(Map<String, Object> schema, Mutation m) {
        int kind = random.nextInt(6);
        if (kind == 0 && schema.get("enum") instanceof List<?>) {
            m.say("not in enum");
            return "NICHT_IM_ENUM";
        }
        if (kind <= 1 && (hasType(schema, "integer") || hasType(schema, "number"))) {
            Object bound = random.nextBoolean() ? schema.get("maximum") : schema.get("minimum");
            if (bound instanceof Number n) {
                m.say("beyond bound " + n);
                return bound == schema.get("maximum") ? n.longValue() + 1 : n.longValue() - 1;
            }
            Object huge = pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, "1e308", "99999999999999999999999", -1, "2.5", "NaN"));
            m.say("odd number " + huge);
            return huge;
        }
        if (kind <= 2 && hasType(schema, "string") && schema.get("format") instanceof String format) {
            m.say("bad " + format);
            return switch (format) {
                case "uuid" -> pick(List.of("123", "00000000-0000-0000-0000-00000000000g", UUID.randomUUID() + "x", "null"));
                case "date" -> pick(List.of("2030-02-30", "gestern", "99999-01-01", "2030-13-01"));
                case "date-time" -> pick(List.of("2030-01-15", "2030-01-15T25:00:00Z", "0000-00-00T00:00:00Z"));
                case "email" -> pick(List.of("a@@b", "@", "a@b@c.de", "x".repeat(300) + "@example.org"));
                default -> "%%%";
            };
        }
        if (kind == 3 && hasType(schema, "string")) {
            int max = schema.get("maxLength") instanceof Number n ? n.intValue() + 1 : HUGE;
            m.say("string of " + max);
            return "x".repeat(Math.min(max, HUGE));
        }
        if (kind == 4) {
            m.say("wrong type");
            return hasType(schema, "string") ? (Object) 12345 : pick(List.of("keine Zahl", "true", "[]"));
        }
        String odd = pick(ODD_STRINGS);
        m.say("odd string " + describe(odd));
        return odd;
    }

    @SuppressWarnings("unchecked")
    private Object mutateBody(Object body, Map<String, Object> schema, Operation op, Mutation m) {
        List<List<String>> leaves = new ArrayList<>();
        List<Map<String, Object>> leafSchemas = new ArrayList<>();
        collectLeaves(body, schema, new ArrayList<>(), leaves, leafSchemas, 0);
        int kind = random.nextInt(5);
        if (body instanceof Map<?, ?> map && kind == 0) {
            if (random.nextBoolean() && !map.isEmpty()) {
                String gone = pick(new ArrayList<>(((Map<String, Object>) map).keySet()));
                ((Map<String, Object>) map).remove(gone);
                m.say("field " + gone + " missing");
            } else {
                ((Map<String, Object>) map).put("unerwartet", pick(List.of(1, "x", List.of(), Map.of("a", 1))));
                m.say("extra field");
            }
            return body;
        }
        if (leaves.isEmpty() || kind == 1) {
            m.say("body is " + (body instanceof Map ? "an array" : "an object"));
            return body instanceof Map ? List.of(body) : Map.of("a", 1);
        }
        int i = random.nextInt(leaves.size());
        List<String> at = leaves.get(i);
        Object wrong = kind == 2 ? null : wrongValue(leafSchemas.get(i), m);
        if (kind == 2) {
            m.say("null");
        }
        m.say("body " + String.join(".", at) + ": " + m.what);
        return replace(body, at, 0, wrong);
    }

    @SuppressWarnings("unchecked")
    private void collectLeaves(Object value, Map<String, Object> schema, List<String> at, List<List<String>> leaves,
                               List<Map<String, Object>> schemas, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            map.forEach((k, v) -> {
                at.add((String) k);
                collectLeaves(v, resolve(properties.getOrDefault(k, Map.of())), at, leaves, schemas, depth + 1);
                at.removeLast();
            });
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            at.add("0");
            collectLeaves(list.getFirst(), resolve(schema.getOrDefault("items", Map.of())), at, leaves, schemas, depth + 1);
            at.removeLast();
        } else {
            leaves.add(List.copyOf(at));
            schemas.add(schema);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object replace(Object value, List<String> at, int i, Object with) {
        if (i == at.size()) {
            return with;
        }
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(at.get(i), replace(map.get(at.get(i)), at, i + 1, with));
        } else if (value instanceof List<?> list) {
            ((List<Object>) list).set(0, replace(list.getFirst(), at, i + 1, with));
        }
        return value;
    }

    private byte[] rawBody(Mutation m) {
        int kind = random.nextInt(8);
        String name = List.of("empty", "truncated", "array", "null", "deeply nested", "invalid UTF-8", "over 1 MB", "string").get(kind);
        m.say("raw body: " + name);
        return switch (kind) {
            case 0 -> new byte[0];
            case 1 -> "{\"name\":".getBytes(StandardCharsets.UTF_8);
            case 2 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 3 -> "null".getBytes(StandardCharsets.UTF_8);
            case 4 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 5 -> new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 6 -> ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> "\"x\"".getBytes(StandardCharsets.UTF_8);
        };
    }

    // --- helpers ---

    static byte[] json(Object value) {
        String text = OpenApiDocument.JSON.writeValueAsString(value).replace(SURROGATE_MARK, "\\ud800");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value.replace(SURROGATE_MARK, "\uD800"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Header values are Latin-1 without controls in HTTP/1.1: the client refuses others before sending. */
    private static String headerSafe(String value) {
        String v = value.replace(SURROGATE_MARK, "?").replaceAll("[^\\x20-\\x7e]", "?").strip();
        return v.length() > 8000 ? v.substring(0, 8000) : v.isEmpty() ? "x" : v;
    }

    static String describe(String odd) {
        StringBuilder b = new StringBuilder();
        odd.codePoints().limit(30).forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format(Locale.ROOT, "\\u%04x", c) : Character.toString(c)));
        return "\"" + b + "\"";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(Map<String, Object> holder) {
        return (Map<String, Object>) holder.getOrDefault("schema", Map.of());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Object schema) {
        return doc.resolve((Map<String, Object>) schema);
    }

    private static Object copy(Object value) {
        return de.augenhoehe.testing.PathologicalInputContract.copy(value);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

}
