package de.augenhoehe.platform.architecture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one type through which a feature lets other features of its service use it (e.g. reference-data
 * lookups). Everything else of a feature stays its own: the architecture test allows cross-feature dependencies
 * only on types carrying this annotation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FeatureApi {
}
