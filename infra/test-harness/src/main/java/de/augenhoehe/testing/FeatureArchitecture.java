package de.augenhoehe.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    private FeatureArchitecture() {
    }

    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
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
