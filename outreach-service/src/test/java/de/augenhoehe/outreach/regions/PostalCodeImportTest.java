package de.augenhoehe.outreach.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostalCodeImportTest {

    @Test
    void quoted_fields_keep_their_commas_and_quotes() {
        assertThat(PostalCodeImport.split("DE,70767,\"RTS Rieger Team, Werbeagentur\",BW,,,\"a \"\"b\"\"\",x,08116,48.6,9.1"))
                .containsExactly("DE", "70767", "RTS Rieger Team, Werbeagentur", "BW", "", "", "a \"b\"", "x", "08116", "48.6", "9.1");
    }

    @Test
    void distances_are_great_circle_kilometres() {
        // Leer – Papenburg, about 20 km; Heilbronn – Leer, about 490 km
        assertThat(PostalCodes.distanceKm(53.2316, 7.4610, 53.0770, 7.4039)).isBetween(17.0, 19.0);
        assertThat(PostalCodes.distanceKm(49.1427, 9.2109, 53.2316, 7.4610)).isBetween(460.0, 480.0);
    }
}
