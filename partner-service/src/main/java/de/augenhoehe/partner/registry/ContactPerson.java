package de.augenhoehe.partner.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import de.augenhoehe.platform.validation.BoundedPattern;

/**
 * A person to contact at a partner, in a business role. Personal data: shown only to the partner's own people and the
 * coordinators of its networks, never put into events, never logged.
 */
record ContactPerson(@NotBlank @Size(max = 200) @Schema(example = "Erika Beispiel") String name,
        @NotBlank @Size(max = 200) @Schema(example = "Ausbildungsleitung") String businessRole,
        @NotBlank @Email @Size(max = 254) @Schema(example = "ausbildung@example.org") String email,
        @BoundedPattern(regexp = "\\+?[0-9 ()/-]{3,29}", max = 30) @Schema(example = "+49 7131 000000") String phone) {
}
