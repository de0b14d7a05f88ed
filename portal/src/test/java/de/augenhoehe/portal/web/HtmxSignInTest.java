package de.augenhoehe.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmxSignInTest {

    @Test
    void the_page_to_reload_is_a_path_of_the_signed_in_area_and_never_another_host() {
        assertThat(HtmxSignIn.pageOf("http://localhost:8080/mein-bereich/firma?weiter=abc")).isEqualTo("/mein-bereich/firma?weiter=abc");
        assertThat(HtmxSignIn.pageOf("https://augenhoehe.example/mein-bereich")).isEqualTo("/mein-bereich");
        assertThat(HtmxSignIn.pageOf("https://evil.example//evil.example/x")).isEqualTo("/mein-bereich");
        assertThat(HtmxSignIn.pageOf("https://evil.example/mein-bereichX")).isEqualTo("/mein-bereich");
        assertThat(HtmxSignIn.pageOf("not a url")).isEqualTo("/mein-bereich");
        assertThat(HtmxSignIn.pageOf(null)).isEqualTo("/mein-bereich");
    }
}
