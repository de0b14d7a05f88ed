package de.augenhoehe.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The stylesheets' blocks close. An {@code @media} block left open swallows every rule after it — the browser applies
 * them only at that width or only in print — and no page check sees it: three workspaces' styles were lost so, found
 * only by reading the file (the netzwerke, betrieb and koordination blocks).
 */
class StylesheetTest {

    @Test
    void every_block_of_every_stylesheet_closes_and_no_media_query_sits_inside_another() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/static/assets"))) {
            sheets = files.filter(f -> f.toString().endsWith(".css")).toList();
        }
        assertThat(sheets).isNotEmpty();
        for (Path sheet : sheets) {
            assertThat(problems(Files.readString(sheet))).as(sheet.toString()).isEmpty();
        }
    }

    @Test
    void the_check_finds_an_open_media_block() {
        assertThat(problems("a { color: red; }\n@media print {\n  b { x: y; }\n\n/* next */\nc { d: e; }\n")).isNotEmpty();
        assertThat(problems("@media print {\n a { b: c; }\n}\n/* { */\nd { e: f; }\n")).isEmpty();
    }

    /** Line by line, outside comments: the depth never goes below zero, ends at zero, and an at-rule opens at zero. */
    static List<String> problems(String css) {
        List<String> problems = new ArrayList<>();
        String code = java.util.regex.Pattern.compile("(?s)/\\*.*?\\*/").matcher(css)
                .replaceAll(m -> "\n".repeat((int) m.group().chars().filter(c -> c == '\n').count()));
        int depth = 0;
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("@media") && depth > 0) {
                problems.add("line " + (i + 1) + ": @media inside an open block");
            }
            for (char c : lines[i].toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth < 0) {
                    problems.add("line " + (i + 1) + ": a } without its {");
                    depth = 0;
                }
            }
        }
        if (depth != 0) {
            problems.add(depth + " block(s) not closed at the end");
        }
        return problems;
    }
}
