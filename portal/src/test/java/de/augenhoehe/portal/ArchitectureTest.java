package de.augenhoehe.portal;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The portal is packaged by page family (start, stellen, massnahmen, rueckkehr, netzwerke, …) on one shared base
 * ({@code web}: the API client, errors, security, assets). A page family never reaches into another's insides, and
 * nothing reaches a service's code or database: the portal is a client of the public API.
 */
class ArchitectureTest {

    static final JavaClasses PORTAL = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.augenhoehe.portal");

    @Test
    void page_families_do_not_depend_on_each_other() {
        slices().matching("de.augenhoehe.portal.(*)..").namingSlices("$1")
                .should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(),
                        resideInAPackage("de.augenhoehe.portal.web.."))
                .ignoreDependency(resideInAPackage("de.augenhoehe.portal"),
                        DescribedPredicate.alwaysTrue())
                .check(PORTAL);
    }

    /**
     * The signed-in area is one page family whose workspaces (meinbereich.firma, .koordination, …) share its door
     * (WorkspaceAccess) and never reach into each other.
     */
    @Test
    void workspaces_do_not_depend_on_each_other() {
        slices().matching("de.augenhoehe.portal.meinbereich.(*)..").namingSlices("$1")
                .should().notDependOnEachOther()
                .check(PORTAL);
    }

    @Test
    void the_portal_uses_no_database_no_broker_and_no_service_code() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
                "org.apache.kafka..", "org.springframework.kafka..", "de.augenhoehe.partner..", "de.augenhoehe.vacancy..",
                "de.augenhoehe.measures..", "de.augenhoehe.outreach..", "de.augenhoehe.platform..")
                .check(PORTAL);
    }
}
