package de.augenhoehe.portal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.AbstractRestClientOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The signed-in area (issue #18), a chain of its own before the public one: {@code /mein-bereich/**}, the login's
 * {@code /login/**} and {@code /logout}. The portal is a confidential OAuth 2.1 client of partner-service's
 * authorization server (code + PKCE + its secret); the person's tokens stay in the session on the server (Spring
 * Session JDBC in the portal's own database, so every instance serves the person) and the browser holds only the
 * session cookie. Everything else keeps the stateless public chain: an anonymous visitor gets no session and no cookie.
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

    /** Where a login starts: under /login, because the gateway routes /oauth2/** to the authorization server. */
    static final String AUTHORIZATION_BASE = "/login/oauth2/authorization";
    static final String REGISTRATION = "augenhoehe";
    public static final String LOGIN = AUTHORIZATION_BASE + "/" + REGISTRATION;

    @Bean
    @Order(1)
    SecurityFilterChain signedInArea(HttpSecurity http, PortalProperties portal, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository tokens, RpInitiatedLogout logout) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorize = new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_BASE);
        authorize.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        HttpSessionCsrfTokenRepository csrf = new HttpSessionCsrfTokenRepository();
        csrf.setHeaderName("X-CSRF-TOKEN");
        return http
                .securityMatcher("/mein-bereich", "/mein-bereich/**", "/login/**", "/logout")
                .authorizeHttpRequests(a -> a.requestMatchers("/login/**").permitAll().anyRequest().authenticated())
                .oauth2Login(o -> o.loginPage(LOGIN)
                        .authorizationEndpoint(e -> e.baseUri(AUTHORIZATION_BASE).authorizationRequestResolver(authorize))
                        .tokenEndpoint(t -> t.accessTokenResponseClient(withVisitorAddress(new RestClientAuthorizationCodeTokenResponseClient())))
                        .authorizedClientRepository(tokens)
                        .successHandler(new BackToTheSavedPage(portal))
                        .failureUrl("/login/fehler"))
                // an expired or missing session: to the login, and afterwards back to the page asked for (saved request);
                // an htmx request reloads its whole page instead (HtmxSignIn).
                // Absolute public URLs: the gateway does not tell the portal its public host (no X-Forwarded-Host),
                // so a URL built from the request would name the portal's own port.
                .exceptionHandling(e -> e.authenticationEntryPoint(
                        new HtmxSignIn(new LoginUrlAuthenticationEntryPoint(portal.publicUrl(LOGIN)))))
                .logout(l -> l.logoutUrl("/logout").addLogoutHandler(logout).logoutSuccessHandler(logout))
                // the token in the session: a signed-in person's changes need it as field or X-CSRF-TOKEN header (htmx)
                .csrf(c -> c.csrfTokenRepository(csrf))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.of(portal)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny())
                        .cacheControl(c -> { })) // personal pages: no-store (Spring's default cache headers)
                .build();
    }

    /**
     * partner-service's authorization server: the browser is sent to the public address (the gateway), the portal's
     * server talks to it through the API address (also the gateway). No discovery at start-up: partner-service may
     * start after the portal.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(PortalProperties portal, LoginProperties login) {
        String api = portal.apiUrl().toString().replaceAll("/+$", "");
        ClientRegistration augenhoehe = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(login.clientId()).clientSecret(login.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(portal.publicUrl("/login/oauth2/code/" + REGISTRATION))
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                .authorizationUri(portal.publicUrl("/oauth2/authorize"))
                .tokenUri(api + "/oauth2/token")
                .jwkSetUri(api + "/oauth2/jwks")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName("Augenhöhe")
                .build();
        return new InMemoryClientRegistrationRepository(augenhoehe);
    }

    /** The person's tokens in the session (so in PostgreSQL, shared by the instances), never in the browser. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /**
     * Access tokens (10 minutes) are renewed with the refresh token shortly before they expire. The ID token that comes
     * with each refresh is kept ({@link RpInitiatedLogout#rememberIdToken}): logout names the newest one.
     */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository tokens) {
        RestClientRefreshTokenTokenResponseClient refresh = withVisitorAddress(new RestClientRefreshTokenTokenResponseClient());
        OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> remembering = grant -> {
            var response = refresh.getTokenResponse(grant);
            RpInitiatedLogout.rememberIdToken(response);
            return response;
        };
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken(r -> r.accessTokenResponseClient(remembering)).build();
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, tokens);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }

    /**
     * The portal's calls to the token endpoint (the code's exchange at sign-in, each renewal) carry the visitor's address
     * like its every other call to the platform ({@link PlatformApi}): the gateway's per-visitor limits then see the
     * person, not the portal — without it, everybody's sign-ins and renewals shared the portal's one anonymous bucket
     * (10/s, burst 60).
     */
    static <C extends AbstractRestClientOAuth2AccessTokenResponseClient<?>> C withVisitorAddress(C client) {
        client.addHeadersConverter(grant -> {
            HttpHeaders headers = new HttpHeaders();
            PlatformApi.forwardedFor().ifPresent(address -> headers.set("X-Forwarded-For", address));
            return headers;
        });
        return client;
    }

    /** The session cookie: HttpOnly, SameSite=Lax, {@code __Host-} and Secure where served over TLS. */
    @Bean
    CookieSerializer sessionCookie(LoginProperties login) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(login.cookieName());
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(login.secureCookie());
        return cookie;
    }
}
