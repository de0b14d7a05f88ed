package de.augenhoehe.gateway.bff;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser sessions for the web portal (backend-for-frontend): the browser holds only a session cookie, the gateway holds
 * the tokens and relays them ({@code TokenRelay}). Designed, not built — as issue #5 asks ("design the configuration so it plugs in"): the portal does not exist yet;
 * see the README section "Browser sessions (BFF)". Disabled by default; enabling it stops the start-up with a clear
 * message rather than running half a login.
 *
 * @param enabled         browser sessions on
 * @param registrationId  the OAuth client registration of the portal at partner-service's authorization server
 *                        ({@code spring.security.oauth2.client.registration.<id>}, authorization code + PKCE)
 * @param paths           the portal's paths that use the session (API calls with a bearer token keep using the token)
 * @param cookie          the session cookie: HttpOnly, Secure, SameSite=Strict, host-only ({@code __Host-} prefix)
 * @param idleTimeout     a session unused this long ends
 * @param absoluteTimeout a session ends this long after the login, used or not
 */
@ConfigurationProperties("augenhoehe.gateway.bff")
record BffProperties(boolean enabled, @DefaultValue("augenhoehe-portal") String registrationId,
        @DefaultValue({"/portal/**", "/api/**"}) List<String> paths, @DefaultValue Cookie cookie,
        @DefaultValue("30m") Duration idleTimeout, @DefaultValue("12h") Duration absoluteTimeout) {

    public record Cookie(@DefaultValue("__Host-augenhoehe-session") String name, @DefaultValue("true") boolean httpOnly,
            @DefaultValue("true") boolean secure, @DefaultValue("Strict") String sameSite) {
    }
}
