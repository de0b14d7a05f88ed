package de.augenhoehe.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Thymeleaf reads {@code ~{file :: input(...)}} as a markup selector: it picks the {@code th:fragment="input"} and
 * also every {@code <input>} element of that file, rendered alone without the fragment's variables. A fragment named
 * like a tag in its own file therefore breaks every page that uses it (three page families answered 500 once).
 */
class TemplateFragmentsTest {

    private static final Pattern FRAGMENT = Pattern.compile("th:fragment=\"([\\w-]+)");
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][\\w-]*)[\\s>/]");

    @Test
    void no_fragment_is_named_like_a_tag_of_its_file() throws IOException {
        List<String> clashes = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                List<String> tags = TAG.matcher(html).results().map(m -> m.group(1).toLowerCase()).toList();
                Matcher fragment = FRAGMENT.matcher(html);
                while (fragment.find()) {
                    if (tags.contains(fragment.group(1).toLowerCase())) {
                        clashes.add(file.getFileName() + " :: " + fragment.group(1));
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
    }
}
