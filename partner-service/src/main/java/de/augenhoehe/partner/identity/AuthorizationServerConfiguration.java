package de.augenhoehe.partner.identity;

import java.time.Clock;
import java.util.Locale;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

import de.augenhoehe.partner.accounts.AccountLogin;
import de.augenhoehe.partner.integrationclients.IntegrationClientCredentials;
import de.augenhoehe.partner.registry.PartnerDirectory;
import de.augenhoehe.platform.security.LeadingSecurityFilterChain;

/**
 * The embedded OAuth2 / OpenID Connect authorization server (Spring Security's), on {@code /oauth2/*} and
 * {@code /.well-known/*} only: its filter chain matches those paths and the platform's resource-server chain keeps
 * everything else. Off with {@code augenhoehe.identity.authorization-server.enabled=false} when an external identity
 * provider issues the tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "augenhoehe.identity.authorization-server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdentityProperties.class)
@EnableScheduling
class AuthorizationServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    @Bean
    LeadingSecurityFilterChain authorizationServerSecurity(HttpSecurity http, Clients clients,
            IntegrationClientCredentials integration, AccountLogin accounts, AuthorizationServerSettings settings) throws Exception {
        OAuth2AuthorizationServerConfigurer as = new OAuth2AuthorizationServerConfigurer();
        RequestMatcher login = PathPatternRequestMatcher.withDefaults().matcher(LoginPage.PATH);
        RequestMatcher password = PathPatternRequestMatcher.withDefaults().matcher(PasswordPage.PATH);
        RequestMatcher recovery = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(PasswordRecoveryPages.FORGOT),
                PathPatternRequestMatcher.withDefaults().matcher(PasswordRecoveryPages.RESET));
        IntegrationClientAuthenticator hrClients = new IntegrationClientAuthenticator(integration, clients);
        http.securityMatcher(new OrRequestMatcher(as.getEndpointsMatcher(), login, password, recovery))
                .with(as, a -> a.registeredClientRepository(clients)
                        .oidc(Customizer.withDefaults())
                        .clientAuthentication(c -> c.authenticationProviders(providers -> providers.addFirst(hrClients))))
                .authorizeHttpRequests(a -> a.requestMatchers(login, recovery).permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage(LoginPage.PATH).permitAll())
                .authenticationProvider(people(accounts))
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults())) // the OIDC userinfo endpoint
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LoginPage.PATH)))
                .addFilterBefore(new OneLoginPerSession(settings.getAuthorizationEndpoint()), LogoutFilter.class)
                // before the authorization endpoint's filter, which issues the code
                .addFilterBefore(new PasswordChangeRequired(settings.getAuthorizationEndpoint(), accounts), LogoutFilter.class);
        return new LeadingSecurityFilterChain(http.build());
    }

    /** People log in with their account's username and password (bcrypt); a disabled account cannot. */
    private static DaoAuthenticationProvider people(AccountLogin accounts) {
        UserDetailsService users = username -> accounts.byUsername(username)
                .map(a -> User.withUsername(a.username()).password(a.passwordHash()).disabled(!a.enabled())
                        .authorities(a.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(Locale.ROOT))).toList())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return provider;
    }

    @Bean
    Clients registeredClients(IdentityProperties properties, IntegrationClientCredentials integration,
            @Value("${augenhoehe.demo.enabled:false}") boolean demo) {
        return new Clients(properties, integration, demo);
    }

    /** Authorizations in progress and their tokens in PostgreSQL, so any instance can finish a login (AuthorizationStore). */
    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, Clock clock) {
        return new AuthorizationStore(jdbc, clock);
    }

    @Bean
    AuthorizationCleanup authorizationCleanup(JdbcTemplate jdbc) {
        return new AuthorizationCleanup(jdbc);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(IntegrationClientCredentials integration, AccountLogin accounts,
            PartnerDirectory partners) {
        return new TokenClaims(integration, accounts, partners);
    }

    /**
     * The configured key as it is, or else the rotated keys in the database (the key-encryption secret is checked here,
     * so an installation without one does not start).
     */
    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties properties, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
            @Value("${augenhoehe.demo.enabled:false}") boolean demo) {
        if (properties.signingKeyLocation() != null) {
            RSAKey key = SigningKeys.configured(properties.signingKeyLocation());
            return new ImmutableJWKSet<>(new JWKSet(key));
        }
        IdentityProperties.Rotation rotation = properties.signingKeyRotation();
        return new SigningKeyRing(jdbc, tx, KeyEncryption.of(properties.keyEncryptionSecret(), demo), rotation.interval(),
                properties.accessTokenTtl(), rotation.refresh(), clock);
    }

    /** Tokens are signed with the newest key only, while the JWKS publishes every key whose tokens may still be valid. */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> signingKeys) {
        return new NimbusJwtEncoder(signingKeys instanceof SigningKeyRing ring ? ring.signingSource() : signingKeys);
    }

    /** Every endpoint under /oauth2 (OIDC's defaults /userinfo and /connect/* moved there), discovery under /.well-known. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties,
            @Value("${augenhoehe.security.jwt.issuer:}") String platformIssuer) {
        String issuer = IdentityProperties.asUrl(properties.issuer());
        if (issuer == null) {
            issuer = IdentityProperties.asUrl(platformIssuer);
        }
        if (issuer == null) {
            log.warn("No issuer URL configured (augenhoehe.identity.issuer): tokens name the URL each request came to");
        }
        AuthorizationServerSettings.Builder b = AuthorizationServerSettings.builder()
                .oidcUserInfoEndpoint("/oauth2/userinfo").oidcLogoutEndpoint("/oauth2/logout")
                .oidcClientRegistrationEndpoint("/oauth2/register");
        return (issuer == null ? b : b.issuer(issuer)).build();
    }

}
