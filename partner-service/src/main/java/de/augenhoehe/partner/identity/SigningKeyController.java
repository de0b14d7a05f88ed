package de.augenhoehe.partner.identity;

import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;

/** {@code POST /internal/identity/signing-keys/rotate}: an operator rotates the generated signing key at once. */
@RestController
@Tag(name = "identity")
@ConditionalOnBooleanProperty(name = "augenhoehe.identity.authorization-server.enabled", matchIfMissing = true)
class SigningKeyController {

    private final JWKSource<SecurityContext> keys;

    SigningKeyController(JWKSource<SecurityContext> keys) {
        this.keys = keys;
    }

    record Rotated(String kid, List<String> published) {
    }

    @PostMapping("/internal/identity/signing-keys/rotate")
    @Operation(summary = "A new signing key now; the previous one stays in the JWKS until its tokens expired (operations)")
    Rotated rotate() {
        if (!Actor.current().map(a -> a.hasRole(Roles.OPERATIONS)).orElse(false)) {
            throw ProblemException.forbidden("Only operations rotates the signing key");
        }
        if (!(keys instanceof SigningKeyRing ring)) {
            throw ProblemException.conflict("signing-key-configured",
                    "The signing key is configured (augenhoehe.identity.signing-key-location): replace the file and the services' public key");
        }
        String kid = ring.rotate();
        return new Rotated(kid, ring.publishedKids());
    }
}
