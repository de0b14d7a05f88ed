package de.augenhoehe.outreach;

import org.junit.jupiter.api.Test;

import de.augenhoehe.testing.FeatureArchitecture;

class ArchitectureTest {

    @Test
    void features_do_not_reach_into_each_other() {
        FeatureArchitecture.check("de.augenhoehe.outreach");
    }
}
