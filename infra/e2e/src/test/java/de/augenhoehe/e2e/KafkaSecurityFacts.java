package de.augenhoehe.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * What the Kafka security of docker-compose.yml must agree with, read from the repository: who publishes a topic
 * (infra/contracts/asyncapi.yaml: the ce_source of its messages), who consumes it (each service's EventHandlers), the
 * consumer groups (spring.application.name), and the grants of infra/docker/kafka/init-security.sh.
 */
final class KafkaSecurityFacts {

    static final Path ROOT = CatalogueConsistencyTest.ROOT;
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    static final Path KAFKA_SCRIPTS = ROOT.resolve("infra/docker/kafka");

    /** A service's part: its Kafka user, consumer group, the topic it publishes, the topics it consumes. */
    record Grant(String user, String group, String publishes, Set<String> consumes) {
    }

    private KafkaSecurityFacts() {
    }

    /** The truth, from the contracts and the code: per module (partner-service …) what it publishes and consumes. */
    static Map<String, Grant> expected() {
        Map<String, Grant> result = new TreeMap<>();
        Map<String, String> publisherOf = publishers();
        for (String module : CatalogueConsistencyTest.SERVICES) {
            String user = module.substring(0, module.indexOf('-'));
            String publishes = publisherOf.entrySet().stream().filter(e -> e.getValue().equals(module)).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new AssertionError(module + " publishes no channel of asyncapi.yaml"));
            result.put(module, new Grant(user, applicationName(module), publishes, consumedTopics(module)));
        }
        return result;
    }

    /** The grants init-security.sh makes: its {@code service USER GROUP PUBLISHES CONSUMES...} lines. */
    static List<Grant> scripted() {
        List<Grant> result = new ArrayList<>();
        for (String line : lines(KAFKA_SCRIPTS.resolve("init-security.sh"))) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 4 && f[0].equals("service") && !line.contains("()")) {
                result.add(new Grant(f[1], f[2], f[3], new TreeSet<>(List.of(f).subList(4, f.length))));
            }
        }
        return result;
    }

    /** channel address → the module whose messages it carries (ce_source /augenhoehe/<module>). */
    @SuppressWarnings("unchecked")
    static Map<String, String> publishers() {
        Map<String, Object> doc = yaml(ROOT.resolve("infra/contracts/asyncapi.yaml"));
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("messages");
        Map<String, String> result = new TreeMap<>();
        ((Map<String, Object>) doc.get("channels")).forEach((name, c) -> {
            Map<String, Object> channel = (Map<String, Object>) c;
            Set<String> sources = new TreeSet<>();
            ((Map<String, Object>) channel.get("messages")).values().forEach(ref -> {
                String key = ((String) ((Map<String, Object>) ref).get("$ref")).replace("#/components/messages/", "");
                Map<String, Object> headers = (Map<String, Object>) ((Map<String, Object>) messages.get(key)).get("headers");
                Map<String, Object> source = (Map<String, Object>) ((Map<String, Object>) headers.get("properties")).get("ce_source");
                sources.add(((String) source.get("const")).replace("/augenhoehe/", ""));
            });
            if (sources.size() != 1) {
                throw new AssertionError("channel " + name + " has messages of several sources: " + sources);
            }
            result.put((String) channel.get("address"), sources.iterator().next());
        });
        return result;
    }

    /** The topics of a module's EventHandlers: what {@code topic()} returns, a literal or a constant of the module. */
    static Set<String> consumedTopics(String module) {
        Path main = ROOT.resolve(module).resolve("src/main/java");
        Map<String, String> constants = new LinkedHashMap<>();
        List<String> returned = new ArrayList<>();
        Pattern constant = Pattern.compile("static final String (\\w+) = \"([a-z-]+)\";");
        Pattern topic = Pattern.compile("public String topic\\(\\)\\s*\\{\\s*return ([\\w.\"-]+);");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                String cls = f.getFileName().toString().replace(".java", "");
                Matcher c = constant.matcher(src);
                while (c.find()) {
                    constants.put(cls + "." + c.group(1), c.group(2));
                }
                if (src.contains("implements EventHandler")) {
                    Matcher t = topic.matcher(src);
                    if (!t.find()) {
                        throw new AssertionError(f + " is an EventHandler whose topic() this test cannot read");
                    }
                    String value = t.group(1);
                    returned.add(value.startsWith("\"") ? value : value.contains(".") ? value : cls + "." + value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> topics = new TreeSet<>();
        for (String r : returned) {
            String t = r.startsWith("\"") ? r.substring(1, r.length() - 1) : constants.get(r);
            if (t == null) {
                throw new AssertionError(module + ": cannot resolve the topic constant " + r);
            }
            topics.add(t);
        }
        return topics;
    }

    @SuppressWarnings("unchecked")
    static String applicationName(String module) {
        Map<String, Object> yml = yaml(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
        return (String) ((Map<String, Object>) ((Map<String, Object>) yml.get("spring")).get("application")).get("name");
    }

    /** A service's environment in docker-compose.yml, anchors and merge keys resolved, values as written. */
    @SuppressWarnings("unchecked")
    static Map<String, String> composeEnvironment(String service) {
        Map<String, Object> services = (Map<String, Object>) yaml(COMPOSE).get("services");
        Map<String, Object> s = (Map<String, Object>) services.get(service);
        if (s == null) {
            throw new AssertionError("docker-compose.yml has no service " + service);
        }
        Map<String, String> env = new TreeMap<>();
        ((Map<String, Object>) s.getOrDefault("environment", Map.of())).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    /** The value compose uses when the variable is not set: {@code ${X:-default}} → default. */
    static String withDefaults(String value) {
        return value.replaceAll("\\$\\{[A-Z0-9_]+:-([^}]*)}", "$1");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
