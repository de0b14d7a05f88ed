package de.augenhoehe.partner.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import de.augenhoehe.platform.validation.BoundedPattern;

/**
 * An organisation's address. {@code kreis} is the Kreisschlüssel of the place, used to filter a network's partners;
 * it is derived from the postal code (KreisDirectory.kreisOf): a client may leave it out, or name one of the postal
 * code's Kreise (where a code spans several); an unknown postal code or a contradicting Kreis is refused with 400.
 */
record Address(@Size(max = 200) @Schema(example = "Weipertstraße 8") String street,
        @NotBlank @BoundedPattern(regexp = "[0-9]{5}", max = 5) @Schema(example = "74076",
                description = "German postal code; must be known to the service (400 unknown-postal-code)") String postalCode,
        @NotBlank @Size(max = 100) @Schema(example = "Heilbronn") String city,
        @BoundedPattern(regexp = "(0[1-9]|1[0-6])[0-9]{3}", max = 5) @Schema(example = "08121", description = "Kreisschlüssel, derived from "
                + "postalCode: optional in requests; when given it must be a Kreis the postal code lies in (400 "
                + "kreis-contradicts-postal-code), which chooses among the Kreise of a code that spans several; always set in responses")
        String kreis) {

    Address withKreis(String derived) {
        return new Address(street, postalCode, city, derived);
    }
}
