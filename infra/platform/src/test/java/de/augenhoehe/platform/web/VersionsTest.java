package de.augenhoehe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class VersionsTest {

    @Test
    void reads_strong_and_weak_etags() {
        assertThat(Versions.required(Versions.etag(7))).isEqualTo(7);
        assertThat(Versions.required("W/\"12\"")).isEqualTo(12);
    }

    @Test
    void missing_is_428_unreadable_and_other_versions_are_412() {
        assertThatThrownBy(() -> Versions.required(" ")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> Versions.required("\"abc\"")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
        assertThatThrownBy(() -> Versions.check("\"3\"", 4)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
        Versions.check("\"4\"", 4);
    }

    @Test
    void optional_is_null_when_absent_and_412_when_unreadable() {
        assertThat(Versions.optional(null)).isNull();
        assertThat(Versions.optional(" ")).isNull();
        assertThat(Versions.optional("W/\"5\"")).isEqualTo(5);
        assertThatThrownBy(() -> Versions.optional("\"abc\"")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
    }
}
