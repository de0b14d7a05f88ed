package de.augenhoehe.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package-by-feature rule of every service: each direct sub-package of the service's root package is a feature
 * ({@code …vacancy.search}, {@code …vacancy.posting}) holding its endpoint, logic, persistence and events; features
 * do not reach into each other — they share only the platform and, where a feature offers one, its API type
 * marked {@code @de.augenhoehe.platform.architecture.FeatureApi}. And no service runs a regular expression of a
 * Bean Validation constraint on unbounded input ({@link #noUnboundedPattern}).
 */
public final class FeatureArchitecture {

    private static final String FEATURE_API = "de.augenhoehe.platform.architecture.FeatureApi";
    private static final String PATTERN = "jakarta.validation.constraints.Pattern";

    /** A feature's API type and the types nested in it (its records). */
    private static final DescribedPredicate<JavaClass> FEATURE_API_TYPES = DescribedPredicate.describe("a feature's API",
            c -> c.isAnnotatedWith(FEATURE_API) || c.getEnclosingClass().map(e -> e.isAnnotatedWith(FEATURE_API)).orElse(false));

    private static final List<String> PERSISTENCE_AND_EVENTS = List.of("org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate", "org.springframework.jdbc.core.simple.JdbcClient",
            "de.augenhoehe.platform.events.EventPublisher");
    private static final String MAP_START = "<!-- module-map: written by ArchitectureTest, do not edit -->";
    private static final String MAP_END = "<!-- /module-map -->";

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private FeatureArchitecture() {
    }

    /**
     * The recipe of a feature's inside (README, "How the code is organised"): a controller only speaks HTTP — it parses
     * the request, asks the feature's service and shapes the answer; SQL lives in the store, events are published by
     * the service in the transaction of its rule. So no controller uses a JDBC template or the event publisher.
     */
    public static void recipe(String rootPackage) {
        noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .should().dependOnClassesThat(DescribedPredicate.describe("JDBC templates or the event publisher",
                        c -> PERSISTENCE_AND_EVENTS.contains(c.getName())))
                .because("a controller speaks HTTP; the rule and its transaction live in a service, SQL in a store")
                .allowEmptyShould(true).check(importMain(rootPackage));
    }

    /**
     * The features of a service and the arrows between them (which feature uses which other feature's API), as Markdown.
     * Derived from the compiled classes, so the picture in the README cannot go stale: {@link #documentModuleMap}.
     */
    public static String moduleMap(String rootPackage) {
        JavaClasses classes = importMain(rootPackage);
        Map<String, Set<String>> arrows = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = feature(rootPackage, c);
            if (from == null) {
                continue;
            }
            arrows.computeIfAbsent(from, f -> new TreeSet<>());
            c.getDirectDependenciesFromSelf().forEach(d -> {
                String to = feature(rootPackage, d.getTargetClass());
                if (to != null && !to.equals(from)) {
                    arrows.get(from).add(to);
                }
            });
        }
        StringBuilder out = new StringBuilder("| feature | uses the API of |\n|---|---|\n");
        arrows.forEach((f, uses) -> out.append("| `").append(f).append("` | ")
                .append(uses.isEmpty() ? "—" : String.join(", ", uses.stream().map(u -> "`" + u + "`").toList())).append(" |\n"));
        return out.toString();
    }

    /**
     * Checks that the service's README shows its current module map between the markers; {@code -Dcontracts.update=true}
     * writes it there (like the OpenAPI contract).
     */
    public static void documentModuleMap(String rootPackage, Path readme) {
        String map = MAP_START + "\n" + moduleMap(rootPackage) + MAP_END;
        try {
            String text = Files.readString(readme);
            int start = text.indexOf(MAP_START);
            int end = text.indexOf(MAP_END);
            String current = start >= 0 && end > start ? text.substring(start, end + MAP_END.length()) : null;
            if (map.equals(current)) {
                return;
            }
            if (Boolean.getBoolean("contracts.update")) {
                String updated = current == null ? text.stripTrailing() + "\n\n## Module map\n\n" + map + "\n" : text.replace(current, map);
                Files.writeString(readme, updated);
                return;
            }
            throw new AssertionError(readme + " does not show the current module map. Update it: ./mvnw verify "
                    + "-Dcontracts.update=true, review, commit.\nCurrent:\n" + map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String feature(String rootPackage, JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(rootPackage + ".")) {
            return null;
        }
        String rest = p.substring(rootPackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Read once per test JVM: check, recipe and module map look at the same compiled classes. */
    private static JavaClasses importMain(String rootPackage) {
        return IMPORTED.computeIfAbsent(rootPackage, root -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root));
    }

    public static void check(String rootPackage) {
        JavaClasses classes = importMain(rootPackage);
        slices().matching(rootPackage + ".(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), FEATURE_API_TYPES)
                .allowEmptyShould(true).check(classes);
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
        noUnboundedPattern(classes);
    }

    /**
     * No {@code jakarta.validation.constraints.Pattern}: Bean Validation runs it on input of any length, even after
     * {@code @Size} failed, and one backtracking expression on a megabyte held a core for hours (issue #15). A
     * service checks expressions with {@code @de.augenhoehe.platform.validation.BoundedPattern}, which checks the
     * length first. Also found where it annotates a type argument ({@code List<@Pattern String>}), which ArchUnit
     * does not see as a dependency.
     */
    static void noUnboundedPattern(JavaClasses classes) {
        String because = "a regular expression must never run on input longer than its field's limit: use @BoundedPattern";
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName(PATTERN).because(because)
                .allowEmptyShould(true).check(classes);
        classes().should(new ArchCondition<JavaClass>("not use " + PATTERN + " on a type argument") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                TypeUseAnnotations.find(c.reflect(), PATTERN).forEach(where -> events.add(SimpleConditionEvent.violated(c,
                        c.getName() + " uses @Pattern on " + where)));
            }
        }).because(because).allowEmptyShould(true).check(classes);
    }
}
