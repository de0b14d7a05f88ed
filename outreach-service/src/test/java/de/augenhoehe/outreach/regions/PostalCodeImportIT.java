package de.augenhoehe.outreach.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;

/** The importer of the real GeoNames postal-code file (../shared/data, not part of the repository). */
@SpringBootTest
@RealInfrastructure(isolatedDatabase = true)
class PostalCodeImportIT {

    static final Path FILE = Path.of("../../shared/data/zipcodes.de.csv");

    @Autowired PostalCodeImport importer;
    @Autowired PostalCodes postalCodes;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_geonames_file_is_imported_one_row_per_code_and_regions_resolve() {
        assumeTrue(Files.exists(FILE), "the reference data folder ../shared/data is absent: " + FILE.toAbsolutePath());
        int imported = importer.importFile(FILE);
        assertThat(imported).isEqualTo(10_814);
        assertThat(jdbc.queryForObject("select count(*) from postal_code", Integer.class)).isEqualTo(10_814);
        var leer = postalCodes.locate("26789").orElseThrow();
        assertThat(leer.kreis()).isEqualTo("03457");
        assertThat(leer.name()).contains("Leer");
        var meppen = postalCodes.locate("49716").orElseThrow();
        assertThat(meppen.distanceKm(leer.latitude(), leer.longitude())).isBetween(55.0, 65.0);
        assertThat(postalCodes.locate("74072").orElseThrow().kreis()).isEqualTo("08121");
        // importing again updates, it does not duplicate
        assertThat(importer.importFile(FILE)).isEqualTo(10_814);
        assertThat(jdbc.queryForObject("select count(*) from postal_code", Integer.class)).isEqualTo(10_814);
    }
}
