package de.augenhoehe.outreach.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.augenhoehe.outreach.regions.PostalCodeImport.Row;

class PostalCodeImportTest {

    private static final String HEADER = "country_code,zipcode,place,state,state_code,province,province_code,community,"
            + "community_code,latitude,longitude\n";

    private static Map<String, Row> rows(String records) {
        return PostalCodeImport.rows("test.csv", new ByteArrayInputStream((HEADER + records).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void quoted_fields_keep_their_commas_and_quotes() {
        Row row = rows("DE,70767,\"RTS Rieger Team, \"\"Werbeagentur\"\"\",BW,,,\"a \"\"b\"\"\",x,08116,48.6,9.1\n").get("70767");
        assertThat(row).isEqualTo(new Row("70767", "RTS Rieger Team, \"Werbeagentur\"", "08116", 48.6, 9.1));
    }

    @Test
    void one_row_per_code_the_place_before_a_company_without_a_code_skipped_and_the_kreis_optional() {
        Map<String, Row> rows = rows("""
                DE,26789,Muster Versicherung AG,NI,,,,,03457,53.2,7.4
                DE,26789,Leer (Ostfriesland),NI,,,,,03457,53.23,7.46
                DE,26789,Leer Services GmbH,NI,,,,,03457,53.2,7.4
                DE,8765,Zu kurz,BY,,,,,09780,47.5,10.5
                DE,87491,Jungholz,BY,,,,,,47.57,10.45
                """);
        assertThat(rows).containsOnlyKeys("26789", "87491");
        assertThat(rows.get("26789").place()).isEqualTo("Leer (Ostfriesland)");
        assertThat(rows.get("87491").kreis()).isNull();
    }

    @Test
    void distances_are_great_circle_kilometres() {
        // Leer – Papenburg, about 20 km; Heilbronn – Leer, about 490 km
        assertThat(PostalCodes.distanceKm(53.2316, 7.4610, 53.0770, 7.4039)).isBetween(17.0, 19.0);
        assertThat(PostalCodes.distanceKm(49.1427, 9.2109, 53.2316, 7.4610)).isBetween(460.0, 480.0);
    }
}
