package de.augenhoehe.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package-by-feature rule of every service: each direct sub-package of the service's root package is a feature
 * ({@code …vacancy.search}, {@code …vacancy.posting}) holding its endpoint, logic, persistence and events; features
 * do not reach into each other — they share only the platform and, where a feature offers it, a public API type.
 */
public final class FeatureArchitecture {

    private FeatureArchitecture() {
    }

    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        slices().matching(rootPackage + ".(*)..").should().notDependOnEachOther().allowEmptyShould(true).check(classes);
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }
}
