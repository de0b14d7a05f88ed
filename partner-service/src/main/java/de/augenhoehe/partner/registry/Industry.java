package de.augenhoehe.partner.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import de.augenhoehe.platform.validation.BoundedPattern;

/** A company's industry by WZ 2008: section letter A–U and, optionally, the two-digit division within it. */
record Industry(@NotNull @BoundedPattern(regexp = "[A-U]", max = 1) @Schema(example = "C") String section,
        @BoundedPattern(regexp = "[0-9]{2}", max = 2) @Schema(example = "25") String division) {

    /** First and last division of each section A..U (WZ 2008, Abschnitte und Abteilungen). */
    private static final int[][] DIVISIONS = {{1, 3}, {5, 9}, {10, 33}, {35, 35}, {36, 39}, {41, 43}, {45, 47}, {49, 53},
            {55, 56}, {58, 63}, {64, 66}, {68, 68}, {69, 75}, {77, 82}, {84, 84}, {85, 85}, {86, 88}, {90, 93}, {94, 96},
            {97, 98}, {99, 99}};

    /** Called after bean validation, so section is one letter A–U and division two digits or null. */
    boolean divisionInSection() {
        if (division == null) {
            return true;
        }
        int[] range = DIVISIONS[section.charAt(0) - 'A'];
        int d = Integer.parseInt(division);
        return d >= range[0] && d <= range[1];
    }
}
