package de.augenhoehe.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The rule finds {@code @Pattern} wherever a service could put it, and nothing else. */
class UnboundedPatternRuleTest {

    record OnAComponent(@Pattern(regexp = "[0-9]{5}") String postalCode) {
    }

    record OnATypeArgument(List<@Pattern(regexp = "[0-9]{5}") String> postalCodes) {
    }

    static final class OnAParameter {
        String find(@Pattern(regexp = "[0-9]{5}") String kreis) {
            return kreis;
        }
    }

    static final class OnAParameterTypeArgument {
        String find(List<@Pattern(regexp = "[0-9]{5}") String> kreis) {
            return kreis.toString();
        }
    }

    record Bounded(@Size(max = 5) String postalCode, List<@Size(max = 5) String> postalCodes) {
    }

    @Test
    void pattern_is_refused_on_fields_parameters_and_type_arguments() {
        for (Class<?> c : List.of(OnAComponent.class, OnATypeArgument.class, OnAParameter.class, OnAParameterTypeArgument.class)) {
            var classes = new ClassFileImporter().importClasses(c);
            assertThat(catchThrowable(() -> FeatureArchitecture.noUnboundedPattern(classes))).as(c.getSimpleName())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("BoundedPattern");
        }
    }

    @Test
    void other_constraints_pass() {
        assertThatCode(() -> FeatureArchitecture.noUnboundedPattern(new ClassFileImporter().importClasses(Bounded.class)))
                .doesNotThrowAnyException();
    }
}
