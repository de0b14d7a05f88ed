package de.augenhoehe.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.TreeMap;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart helm/augenhoehe rendered by Helm itself (helm-java embeds Helm as a native library: no binary, no
 * cluster, no network). A render is a list of objects as plain maps, parsed from what {@code helm template} printed.
 */
final class Chart {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path DIR = ROOT.resolve("infra/deploy/helm/augenhoehe");
    static final String RELEASE = "augenhoehe";
    static final String NAMESPACE = "augenhoehe";
    /** The oldest Kubernetes the chart is meant for (Chart.yaml kubeVersion): the native preStop sleep is GA there. */
    static final String KUBE_VERSION = "1.30.0";
    /** The installation sizes: the defaults alone, and each values file over them. */
    static final List<String> VALUES_FILES = List.of("values.yaml", "values-small.yaml", "values-large.yaml");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Chart() {
    }

    /**
     * The chart rendered with a values file (cached: the tests only read it); the text is also written to
     * target/rendered/&lt;values file&gt; for a human to read.
     */
    static Manifests render(String valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, f -> {
            String text = template(f, Map.of());
            Path out = Path.of("target/rendered").resolve(f);
            try {
                Files.createDirectories(out.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(out, text);
            return Manifests.parse(text);
        });
    }

    /** The chart rendered with a values file and {@code --set} overrides (a deliberately broken installation). */
    static Manifests render(String valuesFile, Map<String, Object> sets) {
        return Manifests.parse(template(valuesFile, sets));
    }

    private static String template(String valuesFile, Map<String, Object> sets) {
        TemplateCommand template = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION).withValuesFile(DIR.resolve(valuesFile));
        sets.forEach(template::set);
        return template.call();
    }

    /**
     * {@code helm lint --strict} with a values file. helm-java's lint takes no values file, so a copy of the chart
     * whose values.yaml is the defaults with the file merged over them (as Helm merges: maps deeply, the rest replaced)
     * is linted.
     */
    static LintResult lint(String valuesFile, Path scratch) {
        if (valuesFile.equals("values.yaml")) {
            return new Helm(DIR).lint().strict().call();
        }
        Path copy = scratch.resolve("augenhoehe");
        copyTree(DIR, copy);
        Map<String, Object> merged = merge(yaml(DIR.resolve("values.yaml")), yaml(DIR.resolve(valuesFile)));
        write(copy.resolve("values.yaml"), new Yaml().dump(merged));
        return new Helm(copy).lint().strict().call();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        over.forEach((k, v) -> result.merge(k, v, (a, b) -> a instanceof Map && b instanceof Map
                ? merge((Map<String, Object>) a, (Map<String, Object>) b) : b));
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects of one render. */
    record Manifests(List<Map<String, Object>> objects) {

        @SuppressWarnings("unchecked")
        static Manifests parse(String text) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false); // Kubernetes would keep one of them silently
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object doc : new Yaml(options).loadAll(text)) {
                if (doc != null) {
                    objects.add((Map<String, Object>) doc);
                }
            }
            return new Manifests(objects);
        }

        List<Map<String, Object>> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        Map<String, Object> named(String kind, String name) {
            return ofKind(kind).stream().filter(o -> name.equals(Obj.name(o))).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the render"));
        }

        /** kind → how many objects of it. */
        Map<String, Long> countByKind() {
            Map<String, Long> counts = new TreeMap<>();
            objects.forEach(o -> counts.merge((String) o.get("kind"), 1L, Long::sum));
            return counts;
        }
    }
}
