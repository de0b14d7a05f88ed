package de.augenhoehe.platform.validation;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Length first, then the expression: the expression never sees more than {@code max} characters. */
public class BoundedPatternValidator implements ConstraintValidator<BoundedPattern, CharSequence> {

    private Pattern pattern;
    private int max;

    @Override
    public void initialize(BoundedPattern constraint) {
        if (constraint.max() < 1) {
            throw new IllegalArgumentException("@BoundedPattern needs max >= 1, got " + constraint.max());
        }
        this.pattern = Pattern.compile(constraint.regexp());
        this.max = constraint.max();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true; // as @Pattern: absence is @NotNull's business
        }
        return value.length() <= max && pattern.matcher(value).matches();
    }
}
