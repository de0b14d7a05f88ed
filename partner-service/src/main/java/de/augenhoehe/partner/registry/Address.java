package de.augenhoehe.partner.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An organisation's address. {@code kreis} is the Kreisschlüssel of the place, used to filter a network's partners; it
 * must name a known Kreis (KreisDirectory). SHORTCUT(#3): given by the client, not yet derived from the postal code
 * (partner-service keeps Kreise only, not postal codes).
 */
record Address(@Size(max = 200) @Schema(example = "Weipertstraße 8") String street,
        @NotBlank @Pattern(regexp = "[0-9]{5}") @Schema(example = "74076") String postalCode,
        @NotBlank @Size(max = 100) @Schema(example = "Heilbronn") String city,
        @Pattern(regexp = "(0[1-9]|1[0-6])[0-9]{3}") @Schema(example = "08121") String kreis) {
}
