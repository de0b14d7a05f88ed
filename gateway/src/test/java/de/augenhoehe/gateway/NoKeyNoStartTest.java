package de.augenhoehe.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Secure by default: a gateway given no JWT key refuses to start instead of relaying every request unchecked. */
class NoKeyNoStartTest {

    @Test
    void without_a_key_and_without_the_explicit_opt_in_the_gateway_does_not_start() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .properties("server.port=0", "augenhoehe.gateway.health-check.interval=1h",
                        "augenhoehe.gateway.services.partner=http://127.0.0.1:1")
                .run().close())
                .hasStackTraceContaining("No JWT key configured")
                .hasStackTraceContaining("augenhoehe.gateway.unchecked-relay=true");
    }
}
