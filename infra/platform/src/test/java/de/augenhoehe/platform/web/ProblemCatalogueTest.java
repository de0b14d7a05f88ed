package de.augenhoehe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One slug, one title — across every deployable of the platform, because a client (the portal, an HR system) tells
 * problems apart by {@code type} and shows the {@code title}. Reads the main sources of the whole repository: every
 * declared kind ({@code "slug", "Titel / Title"}), and the slugs given to {@link ProblemException#conflict} and
 * {@link ProblemException#invalid}, which carry those factories' titles.
 */
class ProblemCatalogueTest {

    /** A slug beside a bilingual title, as every declaration of a kind writes it (ProblemType, the gateway's table). */
    private static final Pattern DECLARED = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)*)\",\\s*\"([^\"]+ / [^\"]+)\"");
    private static final Pattern BY_FACTORY = Pattern.compile("ProblemException\\.(conflict|invalid)\\(\\s*(\"([^\"]*)\"|[^\"\\s])");

    @Test
    void every_slug_has_one_title_across_all_services() throws IOException {
        Map<String, Set<String>> titles = new TreeMap<>();
        Map<String, Set<String>> where = new TreeMap<>();
        List<String> unnamed = new ArrayList<>();
        for (Path source : mainSources(repositoryRoot())) {
            String text = Files.readString(source);
            String name = source.getFileName().toString();
            Matcher d = DECLARED.matcher(text);
            while (d.find()) {
                titles.computeIfAbsent(d.group(1), s -> new TreeSet<>()).add(d.group(2));
                where.computeIfAbsent(d.group(1), s -> new TreeSet<>()).add(name);
            }
            Matcher f = BY_FACTORY.matcher(text);
            while (f.find()) {
                if (f.group(3) == null) {
                    unnamed.add(name + ": ProblemException." + f.group(1) + " without a literal slug");
                    continue;
                }
                String title = f.group(1).equals("conflict") ? ProblemType.CONFLICT_TITLE : ProblemType.INVALID_TITLE;
                titles.computeIfAbsent(f.group(3), s -> new TreeSet<>()).add(title);
                where.computeIfAbsent(f.group(3), s -> new TreeSet<>()).add(name);
            }
        }
        assertThat(titles).as("slugs found").containsKeys("not-found", "forbidden", "validation-failed");
        assertThat(titles.size()).as("slugs found in the repository").isGreaterThan(30);
        assertThat(unnamed).as("factories called with a computed slug (cannot be checked)").isEmpty();
        List<String> twoTitles = titles.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue() + " in " + where.get(e.getKey())).toList();
        assertThat(twoTitles).as("slugs with more than one title").isEmpty();
    }

    @Test
    void the_pattern_sees_a_second_title() {
        Matcher m = DECLARED.matcher("ProblemType.of(HttpStatus.FORBIDDEN, \"forbidden\",\n   \"Verboten / Forbidden\")");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("forbidden");
        assertThat(m.group(2)).isEqualTo("Verboten / Forbidden");
    }

    private static List<Path> mainSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("([^/]+/)*src/main/java/.*"))
                    .filter(p -> !root.relativize(p).toString().contains("target/"))
                    .toList();
        }
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("platform")) && Files.exists(p.resolve("infra/platform"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside the repository");
    }
}
