package de.augenhoehe.platform.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void quoted_fields_hold_separators_line_breaks_and_doubled_quotes_and_rows_know_their_line() {
        List<CsvRecords.Row> rows = all("\uFEFFa;b;c\r\n1;\"x;y\";\"eins\nzwei \"\"drei\"\"\"\r\n\n2;;\n");
        assertThat(rows).extracting(CsvRecords.Row::fields).containsExactly(
                List.of("a", "b", "c"), List.of("1", "x;y", "eins\nzwei \"drei\""), List.of(""), List.of("2", "", ""));
        assertThat(rows).extracting(CsvRecords.Row::line).containsExactly(1, 2, 4, 5);
        assertThat(rows.get(2).isBlank()).isTrue();
    }

    @Test
    void an_unclosed_quote_or_text_after_a_closing_quote_is_malformed_with_the_line() {
        assertThatThrownBy(() -> all("a;b\n1;\"open\n2;3\n")).isInstanceOfSatisfying(CsvRecords.MalformedCsvException.class,
                e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> all("a;b\n1;2\n3;\"x\"y\n")).isInstanceOfSatisfying(CsvRecords.MalformedCsvException.class,
                e -> assertThat(e.line()).isEqualTo(3));
    }

    private static List<CsvRecords.Row> all(String text) {
        CsvRecords csv = new CsvRecords(new StringReader(text), ';');
        List<CsvRecords.Row> rows = new ArrayList<>();
        for (CsvRecords.Row r = csv.next(); r != null; r = csv.next()) {
            rows.add(r);
        }
        return rows;
    }
}
