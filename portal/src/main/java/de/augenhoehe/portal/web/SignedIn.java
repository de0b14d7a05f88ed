package de.augenhoehe.portal.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The signed-in person of the current request and their access token, for the pages of the signed-in area. The token
 * is renewed with the refresh token when it has (nearly) expired; when that is refused (the account was disabled, the
 * refresh token expired or was revoked) the person must sign in again ({@link SignInAgain}: the session ends, and the
 * page asked for comes again after the login).
 */
@Component
public class SignedIn {

    /** Who is signed in, from the ID token: the claims partner-service puts in (roles lower case, as in the token). */
    public record Person(String subject, String username, String partnerId, Set<String> roles, List<String> networks) {

        public boolean hasAnyRole(String... wanted) {
            return java.util.Arrays.stream(wanted).anyMatch(roles::contains);
        }
    }

    private final OAuth2AuthorizedClientManager clients;

    SignedIn(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    public Person person() {
        if (!(authentication().getPrincipal() instanceof OidcUser user)) {
            throw new SignInAgain();
        }
        List<String> roles = user.getClaimAsStringList("roles");
        List<String> networks = user.getClaimAsStringList("networks");
        String username = user.getPreferredUsername();
        return new Person(user.getSubject(), username == null ? user.getSubject() : username, user.getClaimAsString("partner_id"),
                roles == null ? Set.of() : Set.copyOf(roles), networks == null ? List.of() : List.copyOf(networks));
    }

    /** A valid access token of the person, renewed if needed; {@link SignInAgain} when it cannot be had. */
    public String accessToken(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(SignInSecurity.REGISTRATION)
                    .principal(authentication())
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response)
                    .build());
        } catch (ClientAuthorizationException refused) {
            throw new SignInAgain();
        }
        if (client == null) {
            throw new SignInAgain();
        }
        return client.getAccessToken().getTokenValue();
    }

    private static Authentication authentication() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null) {
            throw new SignInAgain();
        }
        return a;
    }

    /** The person's session cannot go on: it ends, and the login starts again (ErrorPages). */
    public static class SignInAgain extends RuntimeException {
        public SignInAgain() {
            super("sign in again", null, false, false);
        }
    }
}
