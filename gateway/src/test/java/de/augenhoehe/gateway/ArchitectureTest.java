package de.augenhoehe.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The gateway's package rules. Unlike a service it is not cut by feature but by concern (routing, security, rate
 * limits, resilience, web filters, operations view), so its packages may use each other — along the arrows of
 * {@link #ALLOWED}, which is the module map of the README, and never in a cycle. Like every deployable it imports
 * only {@code infra/} of ours, and a type is public only where another package uses it.
 */
class ArchitectureTest {

    private static final String ROOT = "de.augenhoehe.gateway";

    /** Package (relative to the root; "" is the root) → the gateway packages it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "", Set.of(),
            "web", Set.of(""),
            "routing", Set.of(""),
            "security", Set.of("", "web"),
            "resilience", Set.of("web"),
            "ratelimit", Set.of("web"),
            "bff", Set.of(),
            "contracts", Set.of(),
            "ops", Set.of("routing", "ratelimit", "resilience"));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void packages_use_each_other_only_along_the_module_map() {
        Map<String, Set<String>> actual = new TreeMap<>();
        for (JavaClass c : CLASSES) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String from = relative(c.getPackageName());
                String to = relative(d.getTargetClass().getPackageName());
                if (to != null && !to.equals(from)) {
                    actual.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        assertThat(ALLOWED.keySet()).as("every package of the gateway is on the module map")
                .containsAll(packagesOf(CLASSES));
        actual.forEach((from, targets) -> assertThat(targets).as("packages %s uses", label(from))
                .isSubsetOf(ALLOWED.get(from)));
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = relative(c.getPackageName());
                return p == null ? SliceIdentifier.ignore() : SliceIdentifier.of(label(p));
            }

            @Override
            public String getDescription() {
                return "the gateway's packages";
            }
        }).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void imports_only_the_shared_infra_of_ours() {
        noClasses().should().dependOnClassesThat(
                        DescribedPredicate.describe("a service's or another deployable's type",
                                t -> t.getPackageName().startsWith("de.augenhoehe.")
                                        && relative(t.getPackageName()) == null
                                        && !t.getPackageName().startsWith("de.augenhoehe.tokens")
                                        && !t.getPackageName().startsWith("de.augenhoehe.clients")))
                .because("the gateway shares only infra/token-rules (token rules, trusted proxies); it knows the services by their HTTP API alone")
                .check(CLASSES);
    }

    @Test
    void a_type_is_public_only_where_another_package_uses_it() {
        classes().that().arePublic().and().areTopLevelClasses().and().doNotHaveSimpleName("GatewayApplication")
                .should(new ArchCondition<JavaClass>("be used from another package") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        boolean used = c.getDirectDependenciesToSelf().stream()
                                .anyMatch(d -> !d.getOriginClass().getPackageName().equals(c.getPackageName()));
                        if (!used) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " is public but used only in its package"));
                        }
                    }
                }).because("package-private by default: what is public is the package's API").check(CLASSES);
    }

    @Test
    void no_unbounded_pattern() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("jakarta.validation.constraints.Pattern")
                .because("a regular expression must never run on input longer than its field's limit (issue #15)")
                .allowEmptyShould(true).check(CLASSES);
    }

    private static Set<String> packagesOf(JavaClasses classes) {
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> packages.add(relative(c.getPackageName())));
        return packages;
    }

    /** The package relative to the gateway's root ("" for the root), null outside the gateway. */
    private static String relative(String packageName) {
        if (packageName.equals(ROOT)) {
            return "";
        }
        return packageName.startsWith(ROOT + ".") ? packageName.substring(ROOT.length() + 1) : null;
    }

    private static String label(String relative) {
        return relative.isEmpty() ? "(root)" : relative;
    }
}
