package de.augenhoehe.partner.identity;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.augenhoehe.partner.api.ApiExamples.Example;
import de.augenhoehe.partner.api.ApiExamples;

/** OpenAPI example of the operator's key rotation. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "augenhoehe.identity.authorization-server.enabled", matchIfMissing = true)
class IdentityExamples {

    @Bean
    OpenApiCustomizer identityOpenApiExamples() {
        return ApiExamples.customizer(List.of(Example.of("POST", "/internal/identity/signing-keys/rotate", null, 200,
                "{\"kid\":\"q1XyQ3b0t9Wm8mJ0x4u9mQe2p6VdS1kE7rZ5nH3cA0g\",\"published\":[\"q1XyQ3b0t9Wm8mJ0x4u9mQe2p6VdS1kE7rZ5nH3cA0g\","
                        + "\"Zp4m2r8W0vYk6s1Qe9xT3uB7nC5dL0aF2hJ8gK4iM6o\"]}", 401, 403, 409)));
    }
}
