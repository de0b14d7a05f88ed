package de.augenhoehe.partner.identity;

import java.util.Set;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import de.augenhoehe.partner.integrationclients.IntegrationClientCredentials;

/**
 * Client authentication of HR integration clients at the token endpoint: the secret must be the current one or the
 * previous one within the rotation overlap (Spring's own provider knows one secret only). Other clients are left to
 * Spring's providers (this one answers null for them).
 */
class IntegrationClientAuthenticator implements AuthenticationProvider {

    private static final Set<ClientAuthenticationMethod> METHODS = Set.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
            ClientAuthenticationMethod.CLIENT_SECRET_POST);

    private final IntegrationClientCredentials credentials;
    private final Clients clients;

    IntegrationClientAuthenticator(IntegrationClientCredentials credentials, Clients clients) {
        this.credentials = credentials;
        this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
        if (!METHODS.contains(token.getClientAuthenticationMethod())) {
            return null;
        }
        String clientId = token.getPrincipal().toString();
        if (credentials.active(clientId).isEmpty()) {
            return null; // not an integration client (or revoked: then no provider knows it and the request fails)
        }
        Object secret = token.getCredentials();
        if (!(secret instanceof String s) || !credentials.secretMatches(clientId, s)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication failed", null));
        }
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        return new OAuth2ClientAuthenticationToken(client, token.getClientAuthenticationMethod(), null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
