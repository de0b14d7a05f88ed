package de.augenhoehe.measures;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import de.augenhoehe.testing.Mailbox;

/**
 * Points every Spring test context of this module at the harness's test SMTP server ({@link Mailbox}), unless its class
 * says {@link NotUsed}; registered in {@code META-INF/spring.factories}.
 */
public final class MailboxContexts implements ContextCustomizerFactory {

    /** A test class that configures its own (unreachable) mail server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface NotUsed {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return testClass.isAnnotationPresent(NotUsed.class) ? null : new ToMailbox();
    }

    private record ToMailbox() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mailbox", Mailbox.properties()));
        }
    }
}
