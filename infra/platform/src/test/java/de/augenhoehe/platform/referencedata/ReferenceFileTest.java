package de.augenhoehe.platform.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReferenceFileTest {

    @Test
    void columns_are_found_by_name_and_blank_lines_passed_over() {
        List<String> seen = new ArrayList<>();
        int n = read("\uFEFFplace,zipcode,community_code\n\"Heilbronn, Stadt\",74072,08121\n\nJungholz,87491,\n", r ->
                seen.add(r.line() + ":" + r.get("zipcode") + "/" + r.get("community_code") + "/" + r.get("place")));
        assertThat(n).isEqualTo(2);
        assertThat(seen).containsExactly("2:74072/08121/Heilbronn, Stadt", "4:87491//Jungholz");
    }

    @Test
    void a_malformed_file_names_its_line() {
        assertThatThrownBy(() -> read("place,zipcode\n", r -> { }, "community_code"))
                .isInstanceOfSatisfying(MalformedReferenceFile.class, e -> assertThat(e.line()).isEqualTo(1));
        assertThatThrownBy(() -> read("zipcode,community_code\n74072,08121\n74074,08121,x\n", r -> { }))
                .isInstanceOfSatisfying(MalformedReferenceFile.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> read("zipcode,community_code\n\"74072,08121\n", r -> { }))
                .isInstanceOfSatisfying(MalformedReferenceFile.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void text_in_another_encoding_is_refused() {
        byte[] latin1 = "zipcode,place\n74072,Öhringen\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ReferenceFile.read("f.csv", new ByteArrayInputStream(latin1), ',', List.of("zipcode"), r -> { }))
                .isInstanceOf(MalformedReferenceFile.class).hasMessageContaining("UTF-8");
    }

    private static int read(String text, ReferenceFile.RecordHandler handler, String... required) {
        List<String> columns = required.length == 0 ? List.of("zipcode") : List.of(required);
        return ReferenceFile.read("f.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ',', columns, handler);
    }
}
