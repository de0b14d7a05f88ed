package de.augenhoehe.vacancy.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.platform.referencedata.MalformedReferenceFile;

/** The importers on small hand-written files and, when present, on the real files of ../shared/data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class ReferenceDataImportIT {

    static final Path SAMPLES = Path.of("src/test/resources/reference-data");
    /** The real reference data beside the project (see ../shared/data/README.md); overridable for other layouts. */
    static final Path REAL = Path.of(System.getProperty("augenhoehe.reference-data.real",
            System.getenv().getOrDefault("AUGENHOEHE_REFERENCE_DATA_REAL", "../../shared/data")));

    @Autowired ReferenceDataImport importer;
    @Autowired ReferenceData referenceData;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void emptyTables() {
        jdbc.execute("truncate postal_code, occupation");
    }

    @Test
    void kldb_with_bom_quoted_semicolons_and_line_breaks_is_padded_duplicates_skipped_and_a_second_import_changes_nothing() {
        ImportSummary first = importer.importOccupations(SAMPLES.resolve("kldb-sample.csv"));
        assertThat(first.rowsRead()).isEqualTo(7);
        assertThat(first.inserted()).isEqualTo(6);
        assertThat(first.skipped()).isEqualTo(1);
        assertThat(first.skippedReasons()).isEqualTo(Map.of("duplicate", 1));
        assertThat(first.skippedExamples()).containsExactly("line 9: duplicate (same key as line 8)");
        assertThat(jdbc.queryForList("select key from occupation order by key", String.class))
                .containsExactly("0", "01", "011", "0110", "01104", "9");
        assertThat(referenceData.occupation("01104")).get().extracting(ReferenceData.Occupation::title).isEqualTo("Offiziere");
        assertThat(referenceData.occupation("1104")).isEmpty();
        assertThat(referenceData.isOccupationPrefix("011")).isTrue();
        assertThat(referenceData.isOccupationPrefix("012")).isFalse();

        ImportSummary second = importer.importOccupations(SAMPLES.resolve("kldb-sample.csv"));
        assertThat(List.of(second.inserted(), second.updated(), second.unchanged(), second.skipped())).containsExactly(0, 0, 6, 1);
    }

    @Test
    void postal_codes_keep_one_row_per_code_and_place_skip_foreign_and_duplicate_rows_and_resolve_a_code_to_its_centre() {
        ImportSummary first = importer.importPostalCodes(SAMPLES.resolve("postal-sample.csv"));
        assertThat(List.of(first.rowsRead(), first.inserted(), first.updated(), first.unchanged(), first.skipped()))
                .containsExactly(8, 6, 0, 0, 2);
        assertThat(first.skippedReasons()).isEqualTo(Map.of("duplicate", 1, "not a German postal code", 1));
        assertThat(first.notes()).singleElement().asString().contains("87491 Jungholz");

        ReferenceData.PostalCodeArea emden = referenceData.postalCode("26721").orElseThrow();
        assertThat(emden.kreisName()).isEqualTo("Emden, Stadt");
        assertThat(emden.landCode()).isEqualTo("03");
        ReferenceData.PostalCodeArea wittmund = referenceData.postalCode("26409").orElseThrow();
        assertThat(wittmund.places()).hasSize(3);
        assertThat(wittmund.place()).isEqualTo("Wittmund");
        assertThat(wittmund.kreisCode()).isEqualTo("03462");
        assertThat(wittmund.latitude()).isCloseTo((53.5767 + 53.6912 + 53.535) / 3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(referenceData.postalCode("87491").orElseThrow().kreisCode()).isNull();

        ImportSummary second = importer.importPostalCodes(SAMPLES.resolve("postal-sample.csv"));
        assertThat(List.of(second.inserted(), second.updated(), second.unchanged())).containsExactly(0, 0, 6);
    }

    @Test
    void a_changed_row_is_updated_on_reimport() throws Exception {
        importer.importPostalCodes(SAMPLES.resolve("postal-sample.csv"));
        jdbc.update("update postal_code set latitude = 0 where code = '74072'");
        ImportSummary again = importer.importPostalCodes(SAMPLES.resolve("postal-sample.csv"));
        assertThat(List.of(again.inserted(), again.updated(), again.unchanged())).containsExactly(0, 1, 5);
        assertThat(referenceData.postalCode("74072").orElseThrow().latitude()).isEqualTo(49.1423);
    }

    @Test
    void a_malformed_line_imports_nothing_of_the_file_and_names_the_line() {
        assertThatThrownBy(() -> importer.importOccupations(SAMPLES.resolve("kldb-malformed.csv")))
                .isInstanceOfSatisfying(MalformedReferenceFile.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("kldb-malformed.csv line 4").contains("Ebene '6'");
                });
        assertThatThrownBy(() -> importer.importPostalCodes(SAMPLES.resolve("postal-malformed.csv")))
                .isInstanceOfSatisfying(MalformedReferenceFile.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("'7407'");
                });
        assertThat(jdbc.queryForObject("select count(*) from occupation", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from postal_code", Integer.class)).isZero();
    }

    @Test
    void a_file_that_is_not_utf8_is_refused(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path latin1 = tmp.resolve("kldb-latin1.csv");
        Files.writeString(latin1, "Schlüssel KldB 2010, V. 2020;Ebene;Titel;Kurztitel\n0;1;Militär;Militär\n",
                StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> importer.importOccupations(latin1)).isInstanceOfSatisfying(MalformedReferenceFile.class,
                e -> assertThat(e.getMessage()).contains("not UTF-8"));
        assertThat(jdbc.queryForObject("select count(*) from occupation", Integer.class)).isZero();
    }

    @Test
    void a_file_in_another_format_is_refused_at_its_header() {
        assertThatThrownBy(() -> importer.importOccupations(SAMPLES.resolve("postal-sample.csv")))
                .isInstanceOfSatisfying(MalformedReferenceFile.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void the_real_files_import_fully_and_a_second_import_changes_nothing() {
        Assumptions.assumeTrue(Files.isRegularFile(REAL.resolve(ReferenceDataImport.POSTAL_CODES_FILE))
                        && Files.isRegularFile(REAL.resolve(ReferenceDataImport.OCCUPATIONS_FILE)),
                () -> "SKIPPED: the real reference data is not at " + REAL.toAbsolutePath().normalize()
                        + " (zipcodes.de.csv, kldb2010.csv; see ../shared/data/README.md); set -Daugenhoehe.reference-data.real=DIR");

        List<ImportSummary> first = importer.importDirectory(REAL);
        ImportSummary postal = first.get(0);
        ImportSummary kldb = first.get(1);
        assertThat(List.of(postal.rowsRead(), postal.inserted(), postal.skipped())).containsExactly(23_297, 23_297, 0);
        assertThat(jdbc.queryForObject("select count(distinct code) from postal_code", Integer.class)).isEqualTo(10_814);
        assertThat(List.of(kldb.rowsRead(), kldb.inserted(), kldb.skipped())).containsExactly(2_195, 2_195, 0);
        assertThat(jdbc.queryForList("select level || ':' || count(*) from occupation group by level order by level", String.class))
                .containsExactly("1:10", "2:37", "3:144", "4:703", "5:1301");
        assertThat(referenceData.postalCode("74072").orElseThrow().kreisCode()).isEqualTo("08121");
        assertThat(referenceData.occupation("26112").orElseThrow().shortTitle()).isEqualTo("Mechatronik - Fachkraft");
        assertThat(referenceData.occupation("01104")).isPresent();

        List<ImportSummary> second = importer.importDirectory(REAL);
        assertThat(second).allSatisfy(s -> assertThat(List.of(s.inserted(), s.updated())).containsExactly(0, 0));
        System.out.printf("REAL REFERENCE DATA IMPORT: first postal %d ms, kldb %d ms; again postal %d ms, kldb %d ms%n",
                postal.durationMillis(), kldb.durationMillis(), second.get(0).durationMillis(), second.get(1).durationMillis());
    }
}
