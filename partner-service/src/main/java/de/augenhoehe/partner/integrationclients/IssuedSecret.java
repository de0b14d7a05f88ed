package de.augenhoehe.partner.integrationclients;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of issuing or rotating: the only time the secret is shown. */
record IssuedSecret(IntegrationClient client,
        @Schema(description = "the client secret: shown once, store it in the HR system now", example = "q3H0c1bV5m1n7Qy8tLwz2sR4pX6eD9fG0hJ2kL4mN6o")
        String clientSecret,
        @Schema(example = "/oauth2/token") String tokenEndpoint) {
}
