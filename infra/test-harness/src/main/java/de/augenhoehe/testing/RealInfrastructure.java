package de.augenhoehe.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test a real PostgreSQL and a real Kafka broker ({@link Infrastructure}): data source, Kafka
 * bootstrap servers and the JWT key of {@link TestTokens} are set for the application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

    /** A fresh database for this test class instead of the one the test JVM shares. */
    boolean isolatedDatabase() default false;
}
