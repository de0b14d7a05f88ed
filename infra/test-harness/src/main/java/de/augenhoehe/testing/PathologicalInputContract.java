package de.augenhoehe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * No request may hold a service: every string field of every operation with a JSON body, and every string
 * parameter, gets values that make typical regular expressions backtrack — a request body of the largest accepted
 * size (1 MB, {@code augenhoehe.web.max-request-size}), a parameter as long as the request head allows — and each
 * answer must come within {@link #LIMIT} of server time ({@code Server-Timing: app;dur=…} of the platform, else
 * the time the client waited). The operations come from the service's committed OpenAPI document, so a new
 * endpoint is covered without anyone remembering it. Issue #15: one sign-up with 80,000 dots in the e-mail held
 * outreach-service for 77 s.
 *
 * <p>Every probe carries a token with every role, so that authenticated operations validate their input too. A
 * slow answer is measured again (the fastest counts): a pause of the collector or the JIT is no finding, a
 * backtracking expression is slow every time.
 */
public final class PathologicalInputContract {

    /** The most server time one answer may take. */
    public static final Duration LIMIT = Duration.ofMillis(200);
    /** The platform's default request body limit ({@code augenhoehe.web.max-request-size}). */
    static final int BODY_LIMIT = 1024 * 1024;
    /** One parameter's value, percent-encoded, within the 16 KB request head (request line, token, headers). */
    static final int PARAMETER_LIMIT = 12_000;
    /**
     * A slow answer is measured again up to this many times in all, the fastest counting: on a busy machine (the CI
     * runner has two cores) a pause of the collector, the JIT or the scheduler, or the first use of an endpoint
     * (seen: 2.2 s under load), is no finding; backtracking is slow every time. An answer slower than
     * {@link #CLEARLY_SLOW} is not measured again.
     */
    private static final int ATTEMPTS = 5;
    private static final Duration CLEARLY_SLOW = Duration.ofSeconds(5);
    /** A probe that has not answered by then is reported as such; its request may still run on the server. */
    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    private static final int MAX_DEPTH = 8;
    private static final Pattern SERVER_TIMING = Pattern.compile("app;dur=([0-9]{1,9}(?:\\.[0-9]{1,6})?)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Headers the JDK's client sets itself and refuses from the caller. */
    private static final List<String> RESTRICTED_HEADERS = List.of("connection", "content-length", "expect", "host", "upgrade");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * Shapes that hurt typical expressions: a long run the expression accepts piece by piece, then a character
     * that makes the whole fail, so that a backtracking engine tries every way of splitting the run.
     */
    record Shape(String name, String head, String unit, String tail) {
        String of(int length) {
            int units = Math.max(1, (length - head.length() - tail.length()) / unit.length());
            return head + unit.repeat(units) + tail;
        }

        /** The longest value whose percent-encoding fits {@code limit}. */
        String encodedWithin(int limit) {
            int unitSize = encode(unit).length();
            int units = Math.max(1, (limit - encode(head).length() - encode(tail).length()) / unitSize);
            return head + unit.repeat(units) + tail;
        }
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("e-mail with a run of dots", "a@", ".", " "), // the outreach e-mail of issue #15
            new Shape("letters, then a stop", "", "a", "!"),
            new Shape("dotted labels, then a stop", "", "a.", "!"),
            new Shape("spaces, then a letter", "", " ", "x"));

    /** One answer that took too long, or none within {@link #GIVE_UP}. */
    public record Finding(String operation, String field, String shape, int status, double serverMillis) {
        @Override
        public String toString() {
            return operation + " " + field + " (" + shape + "): "
                    + (status < 0 ? "no answer within " + GIVE_UP.toSeconds() + " s" : String.format(Locale.ROOT, "%.0f ms, status %d", serverMillis, status));
        }
    }

    private final int port;
    private final String token;
    private final Map<String, Object> document;
    private final List<Finding> slow = new ArrayList<>();
    private final List<Finding> all = new ArrayList<>();

    private PathologicalInputContract(int port, String token, Map<String, Object> document) {
        this.port = port;
        this.token = token;
        this.document = document;
    }

    /** Probes the service on {@code port} with its committed document ({@link OpenApiContract#COMMITTED}). */
    public static void assertNoInputHoldsTheService(int port) {
        assertNoInputHoldsTheService(port, OpenApiContract.COMMITTED, everyRole());
    }

    @SuppressWarnings("unchecked")
    public static void assertNoInputHoldsTheService(int port, Path document, String token) {
        Map<String, Object> doc;
        try {
            doc = JSON.readValue(Files.readString(document), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PathologicalInputContract contract = new PathologicalInputContract(port, token, doc);
        contract.probeAll();
        contract.report();
    }

    /** A token with every role of the platform, a partner and a network. */
    public static String everyRole() {
        return TestTokens.subject("pathological-input").roles("coordinator", "partner_admin", "partner_staff", "operations", "hr_client")
                .partner(UUID.fromString("00000000-0000-4000-8000-00000000000a"))
                .networks(List.of(UUID.fromString("00000000-0000-4000-8000-00000000000b"))).sign();
    }

    @SuppressWarnings("unchecked")
    private void probeAll() {
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        paths.forEach((template, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                probeOperation(method.toUpperCase(Locale.ROOT), template, (Map<String, Object>) op);
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private void probeOperation(String method, String template, Map<String, Object> op) {
        List<Map<String, Object>> parameters = ((List<Object>) op.getOrDefault("parameters", List.of())).stream()
                .map(p -> resolve((Map<String, Object>) p)).toList();
        Map<String, Object> media = jsonMedia(op);
        Object base = null;
        Map<String, Object> bodySchema = null;
        if (media != null) {
            bodySchema = resolve((Map<String, Object>) media.get("schema"));
            base = media.containsKey("example") ? media.get("example") : sample(bodySchema, 0);
        }
        String operation = method + " " + template;
        Map<String, String> required = requiredHeaders(parameters);
        if (bodySchema != null) {
            for (List<Step> leaf : stringLeaves(bodySchema)) {
                for (Shape shape : SHAPES) {
                    Object probe = with(copy(base), leaf, "");
                    int room = BODY_LIMIT - JSON.writeValueAsBytes(probe).length;
                    String body = JSON.writeValueAsString(with(copy(base), leaf, shape.of(room)));
                    if (!measure(operation, describe(leaf), shape, url(template, parameters, null, null), required, body, method)) {
                        break; // one hanging request per field is enough; more would only hold more threads
                    }
                }
            }
        }
        for (Map<String, Object> parameter : parameters) {
            String name = (String) parameter.get("name");
            String in = (String) parameter.get("in");
            if (isString(resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of())))
                    && !("header".equals(in) && RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT)))) {
                for (Shape shape : SHAPES) {
                    String value = shape.encodedWithin(PARAMETER_LIMIT);
                    Map<String, String> headers = new LinkedHashMap<>(required);
                    if ("header".equals(in)) {
                        headers.put(name, value.strip());
                    }
                    String url = url(template, parameters, "header".equals(in) ? null : name, value);
                    String body = base == null ? null : JSON.writeValueAsString(base);
                    if (!measure(operation, in + " parameter " + name, shape, url, headers, body, method)) {
                        break;
                    }
                }
            }
        }
    }

    /** Required header parameters with a sample value (the probe of a header replaces its own). */
    @SuppressWarnings("unchecked")
    private Map<String, String> requiredHeaders(List<Map<String, Object>> parameters) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map<String, Object> p : parameters) {
            String name = (String) p.get("name");
            if ("header".equals(p.get("in")) && Boolean.TRUE.equals(p.get("required"))
                    && !RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, String.valueOf(sample(resolve((Map<String, Object>) p.getOrDefault("schema", Map.of())), 0)));
            }
        }
        return headers;
    }

    /** Sends one probe; false when it got no answer in time. */
    private boolean measure(String operation, String field, Shape shape, String url, Map<String, String> headers, String body, String method) {
        Finding fastest = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Finding f = send(operation, field, shape, url, headers, body, method);
            if (fastest == null || (f.status() >= 0 && f.serverMillis() < fastest.serverMillis())) {
                fastest = f;
            }
            if (f.status() < 0 || f.serverMillis() <= LIMIT.toMillis() || f.serverMillis() > CLEARLY_SLOW.toMillis()) {
                break;
            }
        }
        all.add(fastest);
        if (fastest.status() < 0 || fastest.serverMillis() > LIMIT.toMillis()) {
            slow.add(fastest);
        }
        return fastest.status() >= 0;
    }

    private Finding send(String operation, String field, Shape shape, String url, Map<String, String> headers, String body, String method) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(GIVE_UP)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        long start = System.nanoTime();
        try {
            HttpResponse<Void> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding());
            double waited = (System.nanoTime() - start) / 1_000_000.0;
            double server = r.headers().firstValue("Server-Timing").map(SERVER_TIMING::matcher).filter(Matcher::find)
                    .map(m -> Double.parseDouble(m.group(1))).orElse(waited);
            return new Finding(operation, field, shape.name(), r.statusCode(), server);
        } catch (HttpTimeoutException e) {
            return new Finding(operation, field, shape.name(), -1, GIVE_UP.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " " + field + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void report() {
        if (all.isEmpty()) {
            throw new AssertionError("No operation with a string field or parameter in the OpenAPI document: nothing was probed");
        }
        List<Finding> slowest = all.stream().sorted(Comparator.comparingDouble(Finding::serverMillis).reversed()).limit(5).toList();
        Map<Integer, Long> statuses = all.stream().collect(Collectors.groupingBy(Finding::status,
                TreeMap::new, Collectors.counting()));
        System.out.println("Pathological input: " + all.size() + " probes, answers by status " + statuses + ", slowest: " + slowest);
        all.stream().filter(f -> f.status() >= 200 && f.status() < 300)
                .forEach(f -> System.out.println("Pathological input accepted: " + f));
        if (!slow.isEmpty()) {
            throw new AssertionError(slow.size() + " of " + all.size() + " probes took more than " + LIMIT.toMillis()
                    + " ms of server time:\n  " + String.join("\n  ", slow.stream().map(Finding::toString).toList()));
        }
    }

    // --- the OpenAPI document ---

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonMedia(Map<String, Object> op) {
        if (!(op.get("requestBody") instanceof Map<?, ?> requestBody)) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) resolve((Map<String, Object>) requestBody).get("content");
        return content == null ? null : (Map<String, Object>) content.get("application/json");
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        return resolve(document, schema);
    }

    /**
     * Follows {@code $ref}s into the {@code document}'s {@code components}; merges {@code allOf}, takes the first of
     * {@code oneOf}/{@code anyOf}. Also the endpoint fuzzer's (infra/e2e) reading of a document.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> resolve(Map<String, Object> document, Map<String, Object> schema) {
        Map<String, Object> s = schema == null ? Map.of() : schema;
        for (int hops = 0; s.get("$ref") instanceof String ref && hops < 20; hops++) {
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(part);
            }
            s = (Map<String, Object>) target;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (s.get(choice) instanceof List<?> options && !options.isEmpty()) {
                return resolve(document, (Map<String, Object>) options.getFirst());
            }
        }
        if (s.get("allOf") instanceof List<?> parts) {
            Map<String, Object> merged = new LinkedHashMap<>(s);
            Map<String, Object> properties = new LinkedHashMap<>();
            List<Object> required = new ArrayList<>();
            for (Object part : parts) {
                Map<String, Object> p = resolve(document, (Map<String, Object>) part);
                properties.putAll((Map<String, Object>) p.getOrDefault("properties", Map.of()));
                required.addAll((List<Object>) p.getOrDefault("required", List.of()));
            }
            merged.remove("allOf");
            merged.put("type", "object");
            merged.put("properties", properties);
            merged.put("required", required);
            return merged;
        }
        return s;
    }

    private static boolean hasType(Map<String, Object> schema, String type) {
        Object t = schema.get("type");
        return type.equals(t) || (t instanceof List<?> types && types.contains(type))
                || ("object".equals(type) && t == null && schema.containsKey("properties"));
    }

    private boolean isString(Map<String, Object> schema) {
        return hasType(schema, "string") || (hasType(schema, "array") && schema.get("items") instanceof Map<?, ?> items
                && hasType(resolveItems(items), "string"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolveItems(Map<?, ?> items) {
        return resolve((Map<String, Object>) items);
    }

    /** One step from a JSON value into a part of it: a property, the first element, or a map entry. */
    record Step(String property, Map<String, Object> schema) {
        static final String ELEMENT = "[0]";
    }

    /** Every string inside the body schema, as the steps from the body to it. */
    private List<List<Step>> stringLeaves(Map<String, Object> schema) {
        List<List<Step>> leaves = new ArrayList<>();
        collect(schema, new ArrayList<>(), leaves);
        return leaves;
    }

    @SuppressWarnings("unchecked")
    private void collect(Map<String, Object> schema, List<Step> at, List<List<Step>> leaves) {
        if (at.size() > MAX_DEPTH || Boolean.TRUE.equals(schema.get("readOnly"))) {
            return;
        }
        if (hasType(schema, "string")) {
            leaves.add(List.copyOf(at));
        } else if (hasType(schema, "array") && schema.get("items") instanceof Map<?, ?> items) {
            descend(Step.ELEMENT, resolveItems(items), at, leaves);
        } else if (hasType(schema, "object")) {
            ((Map<String, Object>) schema.getOrDefault("properties", Map.of()))
                    .forEach((name, property) -> descend(name, resolve((Map<String, Object>) property), at, leaves));
            if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
                descend("k", resolveItems(values), at, leaves);
            }
        }
    }

    private void descend(String property, Map<String, Object> schema, List<Step> at, List<List<Step>> leaves) {
        at.add(new Step(property, schema));
        collect(schema, at, leaves);
        at.removeLast();
    }

    /** A small value the schema accepts where that is easy to know: its example, else made from type and format. */
    @SuppressWarnings("unchecked")
    private Object sample(Map<String, Object> schema, int depth) {
        if (schema.containsKey("example")) {
            return copy(schema.get("example"));
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.getFirst();
        }
        if (hasType(schema, "string")) {
            return switch (String.valueOf(schema.get("format"))) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2030-01-15";
                case "date-time" -> "2030-01-15T10:00:00Z";
                case "email" -> "pruefung@example.org";
                default -> "x".repeat(Math.max(1, ((Number) schema.getOrDefault("minLength", 1)).intValue()));
            };
        }
        if (hasType(schema, "integer") || hasType(schema, "number")) {
            return schema.getOrDefault("minimum", 1);
        }
        if (hasType(schema, "boolean")) {
            return false;
        }
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (hasType(schema, "array")) {
            List<Object> list = new ArrayList<>();
            if (schema.get("items") instanceof Map<?, ?> items) {
                list.add(sample(resolveItems(items), depth + 1));
            }
            return list;
        }
        if (hasType(schema, "object")) {
            Map<String, Object> object = new LinkedHashMap<>();
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (properties.get(name) instanceof Map<?, ?> property) {
                    object.put((String) name, sample(resolveItems(property), depth + 1));
                }
            }
            return object;
        }
        return null;
    }

    /** {@code value} with the string at {@code leaf} set, containers on the way made where missing. */
    @SuppressWarnings("unchecked")
    private Object with(Object value, List<Step> leaf, String string) {
        if (leaf.isEmpty()) {
            return string;
        }
        Object root = container(value, leaf.getFirst());
        Object at = root;
        for (int i = 0; i < leaf.size(); i++) {
            Step step = leaf.get(i);
            boolean last = i == leaf.size() - 1;
            Object child = last ? string : null;
            if (Step.ELEMENT.equals(step.property())) {
                List<Object> list = (List<Object>) at;
                if (!last) {
                    child = list.isEmpty() ? null : list.getFirst();
                    child = container(child, leaf.get(i + 1));
                }
                if (list.isEmpty()) {
                    list.add(child);
                } else {
                    list.set(0, child);
                }
            } else {
                Map<String, Object> map = (Map<String, Object>) at;
                if (!last) {
                    child = container(map.get(step.property()), leaf.get(i + 1));
                }
                map.put(step.property(), child);
            }
            at = child;
        }
        return root;
    }

    /** {@code existing} when it is the container the next step needs, else a new one. */
    private Object container(Object existing, Step next) {
        if (Step.ELEMENT.equals(next.property())) {
            return existing instanceof List<?> ? existing : new ArrayList<>();
        }
        return existing instanceof Map<?, ?> ? existing : new LinkedHashMap<>();
    }

    private static String describe(List<Step> leaf) {
        return leaf.isEmpty() ? "body" : "body " + String.join(".", leaf.stream().map(Step::property).toList()).replace(".[0]", "[0]");
    }

    /** The URL of the operation, required parameters filled; {@code probed} set to {@code value} (path or query). */
    @SuppressWarnings("unchecked")
    private String url(String template, List<Map<String, Object>> parameters, String probed, String value) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (Map<String, Object> p : parameters) {
            String name = (String) p.get("name");
            String in = (String) p.get("in");
            boolean isProbed = name.equals(probed);
            if (!isProbed && !"path".equals(in) && !Boolean.TRUE.equals(p.get("required"))) {
                continue;
            }
            Object v = isProbed ? value : sample(resolve((Map<String, Object>) p.getOrDefault("schema", Map.of())), 0);
            if (v instanceof List<?> list) {
                v = list.isEmpty() ? "x" : list.getFirst();
            }
            String encoded = encode(String.valueOf(v));
            if ("path".equals(in)) {
                path = path.replace("{" + name + "}", encoded);
            } else if ("query".equals(in)) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encoded);
            }
        }
        return "http://127.0.0.1:" + port + path + query;
    }

    /** Percent-encoding of everything but the unreserved characters: right in a path and in a query. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }

    /** A deep copy of a JSON tree of maps and lists (what Jackson reads into {@code Object}): changed without touching the original. */
    public static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }
}
