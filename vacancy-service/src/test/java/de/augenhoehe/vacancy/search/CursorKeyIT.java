package de.augenhoehe.vacancy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.vacancy.VacancyServiceApplication;

/**
 * Issue #15: the cursor's HMAC key had a default everyone can read in the source, so anyone could forge cursors.
 * Outside demo mode the service now refuses to start without a key of its own.
 */
class CursorKeyIT {

    @Test
    void the_service_does_not_start_outside_demo_mode_without_a_cursor_key() {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> props = infra.serviceProperties(infra.jdbcUrl(infra.createDatabase("cursor_key")));
        props.put("server.port", "0");
        // command-line arguments outrank the tests' application.properties, which sets a key
        assertThatThrownBy(() -> new SpringApplicationBuilder(VacancyServiceApplication.class).properties(props)
                .run("--augenhoehe.search.cursor-secret=", "--augenhoehe.demo.enabled=false").close())
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("augenhoehe.search.cursor-secret")
                .hasMessageContaining("AUGENHOEHE_SEARCH_CURSOR_SECRET");
    }

    @Test
    void outside_demo_mode_a_short_key_is_refused_and_a_configured_one_is_used_as_it_is() {
        assertThatThrownBy(() -> SearchCursor.key("geheim", false)).hasMessageContaining("too short");
        assertThat(SearchCursor.key("  k".repeat(20), false)).isEqualTo(("k" + "  k".repeat(19)).getBytes());
    }

    @Test
    void demo_mode_without_a_key_signs_with_a_random_key_of_the_process() {
        assertThat(SearchCursor.key("", true)).hasSize(SearchCursor.MIN_KEY_LENGTH).isNotEqualTo(SearchCursor.key(null, true));
        assertThatThrownBy(() -> SearchCursor.key(" ", false)).hasMessageContaining("No key to sign search cursors");
    }
}
