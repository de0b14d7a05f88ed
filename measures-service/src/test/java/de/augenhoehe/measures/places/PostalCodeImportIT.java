package de.augenhoehe.measures.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;

/** Postal code → Kreis: the shipped demo subset, the importer of the real GeoNames file, refusals of malformed files. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "augenhoehe.reference-data.directory=../../shared/data")
@RealInfrastructure(isolatedDatabase = true)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostalCodeImportIT {

    static final Path DATA = Path.of("../../shared/data/zipcodes.de.csv");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired PostalCodes postalCodes;
    @Autowired PostalCodeImporter importer;

    @Test
    void a_malformed_file_is_refused_with_its_line_and_changes_nothing() {
        assertThat(postalCodes.kreisOf("74072")).hasValue("08121"); // the shipped demo subset
        assertThat(postalCodes.kreisOf("26721")).hasValue("03402");
        assertThat(postalCodes.kreisOf("99999")).isEmpty();
        assertThat(postalCodes.kreisOf("7407")).isEmpty();
        int before = jdbc.queryForObject("select count(*) from postal_code_kreis", Integer.class);
        String header = "country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude\n";
        assertThatThrownBy(() -> importer.importFile("bad.csv", in(header + "DE,74072,Heilbronn,BW,BW,x,081,Heilbronn,08121,49.1,9.2\n"
                + "DE,7407,Heilbronn,BW,BW,x,081,Heilbronn,08121,49.1,9.2\n")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> importer.importFile("bad.csv", in(header + "DE,74072,\"Heilbronn,BW,BW,x,081,Heilbronn,08121,49.1,9.2\n")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> importer.importFile("bad.csv", in("zip,kreis\n74072,08121\n")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("header");
        assertThat(jdbc.queryForObject("select count(*) from postal_code_kreis", Integer.class)).isEqualTo(before);
    }

    @Test
    void a_record_cut_short_is_refused_not_skipped_as_without_kreis() {
        int before = jdbc.queryForObject("select count(*) from postal_code_kreis", Integer.class);
        assertThatThrownBy(() -> importer.importFile("short.csv", in("zipcode,place,community_code\n74072,Heilbronn,08121\n74074,Heilbronn\n")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("line 3");
        assertThat(jdbc.queryForObject("select count(*) from postal_code_kreis", Integer.class)).isEqualTo(before);
    }

    @Test
    void the_real_geonames_file_is_imported_by_operations_only() {
        Assumptions.assumeTrue(Files.isRegularFile(DATA), "the reference data folder ../shared/data is absent: import test skipped");
        var http = new TestHttp(port);
        assertThat(http.send("POST", "/internal/reference-data/postal-codes/import", null, null).statusCode()).isEqualTo(401);
        String coordinator = TestTokens.subject("c").roles("coordinator").sign();
        assertThat(http.send("POST", "/internal/reference-data/postal-codes/import", coordinator, null).statusCode()).isEqualTo(403);
        var r = http.send("POST", "/internal/reference-data/postal-codes/import", TestTokens.operations(), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"records\":23296").contains("\"postalCodes\":10813").contains("\"withoutKreis\":1");
        assertThat(postalCodes.kreisOf("74172")).hasValue("08125"); // Neckarsulm, Landkreis Heilbronn
        assertThat(postalCodes.kreisOf("26871")).hasValue("03454"); // Papenburg, Emsland
        assertThat(postalCodes.kreisOf("10115")).hasValue("11000"); // Berlin, beyond the demo subset
    }

    static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
