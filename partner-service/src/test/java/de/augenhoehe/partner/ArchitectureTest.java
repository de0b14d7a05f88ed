package de.augenhoehe.partner;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import de.augenhoehe.testing.FeatureArchitecture;

class ArchitectureTest {

    @Test
    void features_do_not_reach_into_each_other() {
        FeatureArchitecture.check("de.augenhoehe.partner");
    }

    @Test
    void the_recipe_is_kept() {
        FeatureArchitecture.recipe("de.augenhoehe.partner");
    }

    @Test
    void the_readme_shows_the_module_map() {
        FeatureArchitecture.documentModuleMap("de.augenhoehe.partner", Path.of("README.md"));
    }
}
