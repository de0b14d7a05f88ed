package de.augenhoehe.partner.identity;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import de.augenhoehe.partner.integrationclients.IntegrationClientCredentials;

/**
 * The clients the authorization server knows: the configured first-party public clients (authorization code with
 * PKCE, no secret), the portal (confidential: PKCE and its secret, the only client with refresh tokens — issue #18)
 * and the HR integration clients (client credentials), looked up live so a revoked one is unknown
 * at once. Clients are never registered through this interface: integration clients come from their API.
 */
class Clients implements RegisteredClientRepository {

    private static final Logger log = LoggerFactory.getLogger(Clients.class);

    private final Map<String, RegisteredClient> firstParty;
    private final IntegrationClientCredentials integration;
    private final Duration ttl;

    Clients(IdentityProperties properties, IntegrationClientCredentials integration, boolean demo) {
        this.integration = integration;
        this.ttl = properties.accessTokenTtl();
        Map<String, RegisteredClient> clients = new HashMap<>(properties.clients().stream().map(this::publicClient)
                .collect(Collectors.toMap(RegisteredClient::getClientId, Function.identity())));
        String secret = properties.portal().secret(demo);
        if (secret.isEmpty()) {
            log.info("No portal client secret configured (augenhoehe.identity.portal.client-secret): the portal cannot sign people in");
        } else {
            RegisteredClient portal = portalClient(properties.portal(), secret);
            clients.put(portal.getClientId(), portal);
        }
        this.firstParty = Map.copyOf(clients);
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Clients are configured (first-party) or issued through /api/partners/{id}/integration-clients");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id); // the registered id is the client id
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (clientId == null) {
            return null;
        }
        RegisteredClient c = firstParty.get(clientId);
        return c != null ? c : integration.active(clientId).map(g -> hrClient(g.clientId())).orElse(null);
    }

    private RegisteredClient publicClient(IdentityProperties.FirstPartyClient c) {
        return RegisteredClient.withId(c.clientId()).clientId(c.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(c.redirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl).build())
                .build();
    }

    /**
     * The portal's server: code with PKCE and the client secret (kept bcrypt-hashed here), refresh tokens (reused until
     * they expire; each refresh issues the account's current claims — TokenClaims refuses a disabled account), and
     * RP-initiated logout back to the portal.
     */
    private RegisteredClient portalClient(IdentityProperties.Portal p, String secret) {
        return RegisteredClient.withId(p.clientId()).clientId(p.clientId())
                .clientSecret(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(p.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(p.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl)
                        .refreshTokenTimeToLive(p.refreshTokenTtl()).reuseRefreshTokens(true).build())
                .build();
    }

    private RegisteredClient hrClient(String clientId) {
        return RegisteredClient.withId(clientId).clientId(clientId)
                // No secret here: IntegrationClientAuthenticator checks the hashed current and previous secret, and
                // Spring's own provider, which runs after a refusal, finds nothing to match.
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl).build())
                .build();
    }
}
