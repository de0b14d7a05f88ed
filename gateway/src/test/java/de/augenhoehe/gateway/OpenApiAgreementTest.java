package de.augenhoehe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes and documentation agree: every path pattern the gateway routes to a service matches at least one path of that
 * service's committed OpenAPI contract ({@code <service>/src/main/resources/contracts/openapi.json}), and every documented
 * path is reachable through some route of its service — except the exceptions named below, each with its reason.
 */
class OpenApiAgreementTest {

    /** Routed, but documented by their standards (OAuth 2.1 / OpenID Connect discovery), not in OpenAPI. */
    static final List<String> ROUTED_NOT_IN_OPENAPI = List.of("/oauth2/**", "/.well-known/**");
    /** Documented, deliberately not routed: operators reach the dead letters through /ops; imports run inside the network. */
    static final List<String> DOCUMENTED_NOT_ROUTED = List.of("/internal/**");

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    @Test
    void every_route_has_documented_paths_and_every_documented_path_a_route() throws IOException {
        Map<String, List<String>> routed = routedPatterns();
        assertThat(routed).containsOnlyKeys("partner-service", "vacancy-service", "measures-service", "outreach-service");
        List<String> problems = new ArrayList<>();
        routed.forEach((service, patterns) -> {
            List<String> documented = documentedPaths(service);
            for (String pattern : patterns) {
                if (ROUTED_NOT_IN_OPENAPI.contains(pattern)) {
                    continue;
                }
                PathPattern p = PARSER.parse(pattern);
                if (documented.stream().noneMatch(d -> p.matches(PathContainer.parsePath(sample(d))))) {
                    problems.add("route " + pattern + " of " + service + " has no documented path");
                }
            }
            for (String path : documented) {
                PathContainer sample = PathContainer.parsePath(sample(path));
                if (DOCUMENTED_NOT_ROUTED.stream().anyMatch(x -> PARSER.parse(x).matches(sample))) {
                    continue;
                }
                if (patterns.stream().noneMatch(x -> PARSER.parse(x).matches(sample))) {
                    problems.add("documented path " + path + " of " + service + " has no route");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void every_contract_declares_its_bearer_security_scheme() throws IOException {
        for (String service : routedPatterns().keySet()) {
            JsonNode schemes = contract(service).path("components").path("securitySchemes");
            assertThat(schemes.isObject() && !schemes.isEmpty()).as(service + " security schemes").isTrue();
            assertThat(schemes.toString()).as(service).contains("bearer");
        }
    }

    /** The Path predicates of every lb:// route in application.yml, per service id (API docs routes left out). */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> routedPatterns() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> webflux = (Map<String, Object>) dig(yaml, "spring", "cloud", "gateway", "server", "webflux");
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (Map<String, Object> route : (List<Map<String, Object>>) webflux.get("routes")) {
                String uri = (String) route.get("uri");
                // the portal serves pages for people (its README lists them), not an API with an OpenAPI document
                if (!uri.startsWith("lb://") || ((String) route.get("id")).endsWith("-api-docs") || uri.equals("lb://portal-service")) {
                    continue;
                }
                for (Object predicate : (List<Object>) route.get("predicates")) {
                    String p = predicate.toString();
                    if (p.startsWith("Path=")) {
                        result.computeIfAbsent(uri.substring("lb://".length()), k -> new ArrayList<>())
                                .addAll(List.of(p.substring("Path=".length()).split(",")));
                    }
                }
            }
            return result;
        }
    }

    @SuppressWarnings("unchecked")
    private static Object dig(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    static JsonNode contract(String service) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(REPO.resolve(service).resolve("src/main/resources/contracts/openapi.json")));
    }

    static List<String> documentedPaths(String service) {
        try {
            return contract(service).get("paths").propertyNames().stream().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A concrete path for an OpenAPI path template: /api/networks/{id} → /api/networks/x. */
    static String sample(String template) {
        return template.replaceAll("\\{[^}/]+}", "x");
    }
}
