package de.augenhoehe.partner.integrationclients;

import java.util.Optional;
import java.util.UUID;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * What the authorization server asks about HR integration clients: is a client id one of them and not revoked,
 * does a secret match (the current one, or the previous one within the rotation overlap), and when was it last used.
 */
@FeatureApi
public interface IntegrationClientCredentials {

    /** The client if it exists and is not revoked. */
    Optional<Grant> active(String clientId);

    /** True if the secret is the client's current one or its previous one still inside the rotation overlap. */
    boolean secretMatches(String clientId, String secret);

    /** Records that a token was issued to the client now. */
    void recordUse(String clientId);

    /** An active client and the company it acts for. */
    record Grant(String clientId, UUID partnerId) {
    }
}
