package de.augenhoehe.partner.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import de.augenhoehe.partner.accounts.AccountLogin;
import de.augenhoehe.partner.integrationclients.IntegrationClientCredentials;
import de.augenhoehe.partner.registry.PartnerDirectory;

/**
 * The platform's claims in every access token (see TestTokens): {@code sub}, {@code roles} (lower case),
 * {@code partner_id}, {@code networks}, audience {@code augenhoehe}.
 * <ul>
 * <li>HR client (client credentials): sub = client id, roles [hr_client], partner_id = its company, networks = the
 * company's active networks; the use is recorded.</li>
 * <li>Person (authorization code): sub = account id, the account's roles and partner; networks = the networks a
 * coordinator coordinates <em>in which his own partner is still an active member</em> (checked at every issue, so a
 * suspended or ended organisation's coordinator loses the network with his next token — issue #15) — or, for anyone
 * else, the partner's active networks (no role is network-scoped then). The ID token also names the username
 * ({@code preferred_username}), for the portal's "signed in as".</li>
 * </ul>
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String AUDIENCE = "augenhoehe";

    private final IntegrationClientCredentials integration;
    private final AccountLogin accounts;
    private final PartnerDirectory partners;

    TokenClaims(IntegrationClientCredentials integration, AccountLogin accounts, PartnerDirectory partners) {
        this.integration = integration;
        this.accounts = accounts;
        this.partners = partners;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            String clientId = context.getRegisteredClient().getClientId();
            var grant = integration.active(clientId)
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT));
            context.getClaims().subject(clientId).audience(List.of(AUDIENCE))
                    .claim("client_id", clientId)
                    .claim("roles", List.of("hr_client"))
                    .claim("partner_id", grant.partnerId().toString())
                    .claim("networks", ids(partners.activeNetworks(grant.partnerId())));
            integration.recordUse(clientId);
            return;
        }
        // A refresh (the portal's) of a disabled or deleted account is invalid_grant (RFC 6749 5.2): the client ends
        // the person's session instead of trying again.
        String refused = AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())
                ? OAuth2ErrorCodes.INVALID_GRANT : OAuth2ErrorCodes.ACCESS_DENIED;
        var account = accounts.byUsername(context.getPrincipal().getName())
                .filter(AccountLogin.LoginAccount::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(refused));
        Set<UUID> active = partners.activeNetworks(account.partnerId());
        Set<UUID> networks = account.roles().contains("coordinator")
                ? account.coordinatorNetworks().stream().filter(active::contains).collect(Collectors.toSet())
                : active;
        context.getClaims().subject(account.id().toString())
                .claim("roles", List.copyOf(account.roles()))
                .claim("partner_id", account.partnerId().toString())
                .claim("networks", ids(networks));
        if (access) {
            context.getClaims().audience(List.of(AUDIENCE)).claim("client_id", context.getRegisteredClient().getClientId());
        } else {
            // the ID token only: the client (the portal) names who is signed in; access tokens stay as they were
            context.getClaims().claim("preferred_username", account.username());
        }
    }

    private static List<String> ids(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().toList();
    }
}
