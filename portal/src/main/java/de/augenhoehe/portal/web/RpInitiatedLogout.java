package de.augenhoehe.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Logout ends both sessions: the portal's (Spring Security deletes it after this handler) and the authorization
 * server's — RP-initiated logout: the browser is sent to {@code /oauth2/logout} with the newest ID token and comes back
 * to the start page. Before that the refresh token is revoked, so nothing issued for this session stays usable.
 */
@Component
class RpInitiatedLogout implements LogoutHandler, LogoutSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(RpInitiatedLogout.class);
    /** The ID token of the newest refresh (the first one is the OidcUser's); the server knows only the newest. */
    private static final String NEWEST_ID_TOKEN = RpInitiatedLogout.class.getName() + ".idToken";
    private static final String ID_TOKEN_OF_LOGOUT = NEWEST_ID_TOKEN + ".logout";

    private final OAuth2AuthorizedClientRepository tokens;
    private final PortalProperties portal;
    private final LoginProperties login;
    private final RestClient http;

    RpInitiatedLogout(OAuth2AuthorizedClientRepository tokens, PortalProperties portal, LoginProperties login, RestClient.Builder http) {
        this.tokens = tokens;
        this.portal = portal;
        this.login = login;
        this.http = http.clone().baseUrl(portal.apiUrl().toString()).build();
    }

    /** Called with each refresh's answer, on the request thread of the page that needed a fresh token. */
    static void rememberIdToken(OAuth2AccessTokenResponse response) {
        if (response.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN) instanceof String idToken
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null) {
                session.setAttribute(NEWEST_ID_TOKEN, idToken);
            }
        }
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null) {
            return;
        }
        HttpSession session = request.getSession(false);
        Object newest = session == null ? null : session.getAttribute(NEWEST_ID_TOKEN);
        if (newest == null && authentication.getPrincipal() instanceof OidcUser user) {
            newest = user.getIdToken().getTokenValue();
        }
        request.setAttribute(ID_TOKEN_OF_LOGOUT, newest);
        OAuth2AuthorizedClient client = tokens.loadAuthorizedClient(SignInSecurity.REGISTRATION, authentication, request);
        if (client != null && client.getRefreshToken() != null) {
            revoke(client.getRefreshToken().getTokenValue());
        }
    }

    /** RFC 7009; a failure does not stop the logout (the token dies with its lifetime, and it was only in the session). */
    private void revoke(String refreshToken) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("token", refreshToken);
        form.add("token_type_hint", "refresh_token");
        String basic = Base64.getEncoder().encodeToString((login.clientId() + ":" + login.clientSecret()).getBytes(StandardCharsets.UTF_8));
        try {
            http.post().uri("/oauth2/revoke").header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().toBodilessEntity();
        } catch (RuntimeException e) {
            log.warn("The refresh token could not be revoked at logout: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String home = portal.publicUrl("/");
        if (!(request.getAttribute(ID_TOKEN_OF_LOGOUT) instanceof String idToken)) {
            response.sendRedirect(home);
            return;
        }
        String url = UriComponentsBuilder.fromUriString(portal.publicUrl("/oauth2/logout"))
                .queryParam("id_token_hint", idToken).queryParam("client_id", login.clientId())
                .queryParam("post_logout_redirect_uri", home).encode().build().toUriString();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(HttpHeaders.LOCATION, url);
    }
}
