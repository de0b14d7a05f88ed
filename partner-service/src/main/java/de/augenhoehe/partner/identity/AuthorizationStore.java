package de.augenhoehe.partner.identity;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Where authorizations in progress (codes, PKCE state) and issued ones are kept.
 * SHORTCUT(#3): in memory, so an authorization-code login must start and finish at the same instance and a restart
 * forgets codes in flight (access tokens are self-contained JWTs and stay valid). A JDBC store is the step for
 * several instances. Client-credentials grants are not kept at all: nothing reads them back, and HR systems asking
 * for a token every hour must not fill the memory.
 */
class AuthorizationStore implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();

    @Override
    public void save(OAuth2Authorization authorization) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            delegate.save(authorization);
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }
}
