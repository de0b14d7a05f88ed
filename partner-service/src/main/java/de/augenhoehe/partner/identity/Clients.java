package de.augenhoehe.partner.identity;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * PKCE, no secret) and the HR integration clients (client credentials), looked up live so a revoked one is unknown
 * at once. Clients are never registered through this interface: integration clients come from their API.
 */
class Clients implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> firstParty;
    private final IntegrationClientCredentials integration;
    private final Duration ttl;

    Clients(IdentityProperties properties, IntegrationClientCredentials integration) {
        this.integration = integration;
        this.ttl = properties.accessTokenTtl();
        this.firstParty = properties.clients().stream().map(this::publicClient)
                .collect(Collectors.toUnmodifiableMap(RegisteredClient::getClientId, Function.identity()));
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
