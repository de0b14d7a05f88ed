package de.augenhoehe.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package-by-feature rule of every service: each direct sub-package of the service's root package is a feature
 * ({@code …vacancy.search}, {@code …vacancy.posting}) holding its endpoint, logic, persistence and events; features
 * do not reach into each other — they share only the platform and, where a feature offers one, its API type
 * marked {@code @de.augenhoehe.platform.architecture.FeatureApi}.
 */
public final class FeatureArchitecture {

    private static final String FEATURE_API = "de.augenhoehe.platform.architecture.FeatureApi";

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
    }
}
