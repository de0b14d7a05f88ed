package de.augenhoehe.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The portal's calls to the token endpoint — the code's exchange at sign-in and each renewal — carry the visitor's
 * address as X-Forwarded-For, so that the gateway limits per person, not per portal; without a visitor (no request)
 * they carry none.
 */
class TokenCallsTest {

    private static final String TOKEN = """
            {"access_token":"a","token_type":"Bearer","expires_in":600,"refresh_token":"r","scope":"openid profile"}""";

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void the_code_exchange_and_the_renewal_carry_the_visitors_address() throws IOException {
        List<String> forwarded = new CopyOnWriteArrayList<>();
        try (StandInPlatform platform = StandInPlatform.start("/oauth2/token", exchange -> {
            forwarded.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
            StandInPlatform.json(exchange, TOKEN);
        })) {
            ClientRegistration registration = registration(platform);
            MockHttpServletRequest visitor = new MockHttpServletRequest("GET", "/login/oauth2/code/augenhoehe");
            visitor.setRemoteAddr("203.0.113.9");
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(visitor));

            var code = SignInSecurity.withVisitorAddress(new RestClientAuthorizationCodeTokenResponseClient())
                    .getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration, exchange(registration)));
            var refresh = SignInSecurity.withVisitorAddress(new RestClientRefreshTokenTokenResponseClient())
                    .getTokenResponse(new OAuth2RefreshTokenGrantRequest(registration, code.getAccessToken(), code.getRefreshToken()));
            assertThat(refresh.getAccessToken().getTokenValue()).isEqualTo("a");

            RequestContextHolder.resetRequestAttributes();
            SignInSecurity.withVisitorAddress(new RestClientRefreshTokenTokenResponseClient()).getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                    registration, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "a", Instant.now(), Instant.now().plusSeconds(60)),
                    new OAuth2RefreshToken("r", Instant.now())));

            assertThat(forwarded).containsExactly("203.0.113.9", "203.0.113.9", "null");
        }
    }

    private static ClientRegistration registration(StandInPlatform platform) {
        return ClientRegistration.withRegistrationId("augenhoehe").clientId("portal").clientSecret("secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/login/oauth2/code/augenhoehe")
                .authorizationUri(platform.uri() + "/oauth2/authorize").tokenUri(platform.uri() + "/oauth2/token").build();
    }

    private static OAuth2AuthorizationExchange exchange(ClientRegistration registration) {
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri()).clientId("portal")
                .redirectUri(registration.getRedirectUri()).state("s").build();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("c").state("s")
                .redirectUri(registration.getRedirectUri()).build();
        return new OAuth2AuthorizationExchange(request, response);
    }
}
