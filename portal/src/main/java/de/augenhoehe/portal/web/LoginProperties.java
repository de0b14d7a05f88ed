package de.augenhoehe.portal.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code augenhoehe.portal.login.*}: the portal as a confidential client of partner-service's authorization server
 * (issue #18).
 *
 * @param clientId the client partner-service registers for the portal ({@code augenhoehe.identity.portal.client-id})
 * @param clientSecret its secret (environment {@code AUGENHOEHE_PORTAL_LOGIN_CLIENT_SECRET}); blank: nobody can sign in
 * @param secureCookie served over TLS: the session cookie is {@code __Host-augenhoehe-session} with Secure; plain http
 *        (./platform, compose): {@code augenhoehe-session} (browsers refuse {@code __Host-} without Secure)
 */
@ConfigurationProperties("augenhoehe.portal.login")
public record LoginProperties(
        @DefaultValue("augenhoehe-portal") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("false") boolean secureCookie) {

    /** The session cookie's name: the {@code __Host-} prefix only where the browser accepts it. */
    public String cookieName() {
        return secureCookie ? "__Host-augenhoehe-session" : "augenhoehe-session";
    }
}
