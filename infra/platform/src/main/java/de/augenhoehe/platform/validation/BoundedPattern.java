package de.augenhoehe.platform.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The only way a service checks a request value against a regular expression: the value must be at most
 * {@link #max()} characters long — checked first, and a longer value is refused without running the expression —
 * and must then match {@link #regexp()} as a whole. Bean Validation evaluates every constraint of a field, even
 * after {@code @Size} failed, so {@code jakarta.validation.constraints.Pattern} would run its expression on a
 * megabyte of input; a backtracking expression then holds a core for minutes (issue #15). An architecture rule
 * ({@code FeatureArchitecture}) refuses {@code @Pattern} in every service.
 *
 * <p>{@code max} is the field's own limit and has no default: whoever writes an expression states how long the
 * input it runs on can be. Keep expressions linear anyway (possessive quantifiers where parts overlap).
 */
@Documented
@Constraint(validatedBy = BoundedPatternValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface BoundedPattern {

    /**
     * An e-mail address as far as a form can tell: something, {@code @}, a domain with a dot inside it; no spaces,
     * one {@code @}. Linear even without the length check: no two parts of it can take the same character (the
     * domain's first part stops at its first dot), so a failing match never tries another split — the expression
     * it replaces ({@code [^@\s]+@[^@\s]+\.[^@\s]+}) tried every dot and took 77 s for 80,000 of them.
     * Plain ECMAScript as well, so clients can use the documented {@code pattern} as it is.
     */
    String EMAIL = "[^@\\s]+@[^@\\s][^@\\s.]*\\.[^@\\s]+";

    /** The expression the whole value must match (as {@link java.util.regex.Matcher#matches()}). */
    String regexp();

    /** The longest value accepted, in characters; a longer one is invalid and never reaches the expression. */
    int max();

    String message() default "must match \"{regexp}\" and be at most {max} characters long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
