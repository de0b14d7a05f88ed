package de.augenhoehe.outreach.returnees;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A person's name: letters of any script (umlauts and accents included, also as combining marks), spaces, hyphens,
 * apostrophes and dots — at least one letter, no digits, no {@code @ / :}, and a dot only after a letter and before a
 * space, a hyphen or the end ({@code "Hans J. Müller"}), so a name cannot carry a link ({@code www.example.org}).
 * Checked code point by code point, in one pass and without a regular expression; null is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = PersonName.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface PersonName {

    String message() default "must be a name: letters, spaces, hyphens, apostrophes and dots only";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The longest name this constraint looks at; a longer one is refused without being read. */
    int MAX_LENGTH = 100;

    class Check implements ConstraintValidator<PersonName, String> {

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            if (name == null) {
                return true;
            }
            if (name.length() > MAX_LENGTH) {
                return false;
            }
            boolean letter = false;
            int previous = ' ';
            for (int i = 0; i < name.length(); ) {
                int c = name.codePointAt(i);
                i += Character.charCount(c);
                int next = i < name.length() ? name.codePointAt(i) : -1;
                if (!allowed(c, previous, next)) {
                    return false;
                }
                letter |= Character.isLetter(c);
                previous = c;
            }
            return letter;
        }

        private static boolean allowed(int c, int previous, int next) {
            if (Character.isLetter(c)) {
                return true;
            }
            return switch (c) {
                case ' ', '-', '\'', '\u2019' -> true; // the typographic apostrophe (D’Angelo) as well
                case '.' -> Character.isLetter(previous) && (next == -1 || next == ' ' || next == '-');
                default -> mark(c) && (Character.isLetter(previous) || mark(previous)); // an accent as a combining mark (e + U+0301)
            };
        }

        private static boolean mark(int c) {
            return Character.getType(c) == Character.NON_SPACING_MARK;
        }
    }
}
