package de.augenhoehe.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Turns {@link RealInfrastructure} into the properties of the application context under test. */
class RealInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        RealInfrastructure annotation = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(RealInfrastructure.class).synthesize(a -> a.isPresent()).orElse(null);
        if (annotation == null) {
            return null;
        }
        // Read before logging starts, i.e. before any context customizer runs: plain log lines in test output.
        System.setProperty("augenhoehe.logging.plain", "true");
        return new Customizer(annotation.isolatedDatabase() ? testClass.getName() : null);
    }

    /** Equal for all classes sharing the database, so Spring's context cache reuses their context. */
    private record Customizer(String isolatedFor) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Infrastructure infra = Infrastructure.get();
            String url = isolatedFor == null ? infra.sharedDatabaseUrl()
                    : infra.jdbcUrl(infra.createDatabase(isolatedFor.substring(isolatedFor.lastIndexOf('.') + 1)));
            Map<String, Object> props = infra.serviceProperties(url);
            props.put("augenhoehe.events.validate-against-schema", "true");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("real-infrastructure", props));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Customizer c && Objects.equals(isolatedFor, c.isolatedFor);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(isolatedFor);
        }
    }
}
