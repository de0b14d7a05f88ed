package de.augenhoehe.partner;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;

/**
 * A further instance of the service beside the test's own, on the same PostgreSQL, Kafka and token settings: for the
 * tests of several instances and of a restart.
 */
final class AnotherInstance {

    /** What the further instance takes over from the test's own environment. */
    private static final List<String> SHARED = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.kafka.bootstrap-servers", "augenhoehe.security.jwt.public-key-location",
            "augenhoehe.security.jwt.issuer");

    private AnotherInstance() {
    }

    /** The builder of an instance with this issuer, a free port and the given further properties. */
    static SpringApplicationBuilder of(Environment env, String issuer, String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "augenhoehe.identity.issuer=" + issuer, "augenhoehe.logging.plain=true"));
        all.addAll(List.of(properties));
        SHARED.forEach(p -> all.add(p + "=" + env.getProperty(p)));
        return new SpringApplicationBuilder(PartnerServiceApplication.class).properties(all.toArray(String[]::new));
    }
}
