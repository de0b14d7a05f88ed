package de.augenhoehe.platform.security;

import java.util.List;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;

import de.augenhoehe.tokens.TokenRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Secure by default: every request needs a valid JWT bearer token (issuer, audience, expiry, signature are
 * checked by Spring's resource server from {@code spring.security.oauth2.resourceserver.jwt.*}) unless the
 * service declares it public through {@link PublicEndpoints}. Operations endpoints need the operations role.
 * A service may put a {@link LeadingSecurityFilterChain} for its own paths in front of this chain.
 * Without a configured key or issuer the service does not start.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@EnableWebSecurity
public class PlatformSecurityConfiguration {

    private static final String[] ALWAYS_PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnMissingBean(value = SecurityFilterChain.class, ignored = LeadingSecurityFilterChain.class)
    SecurityFilterChain platformSecurity(HttpSecurity http, ObjectProvider<PublicEndpoints> publicEndpoints,
            JsonMapper json, @Value("${augenhoehe.security.jwt.claims.roles:}") String rolesClaim,
            @Value("${augenhoehe.security.jwt.claims.partner-id:}") String partnerClaim,
            @Value("${augenhoehe.security.jwt.claims.networks:}") String networksClaim) throws Exception {
        TokenRules.ClaimNames claimNames = new TokenRules.ClaimNames(rolesClaim, partnerClaim, networksClaim);
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        List<PublicEndpoints> declared = publicEndpoints.orderedStream().toList();
        http.csrf(c -> c.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(ALWAYS_PUBLIC).permitAll();
                    a.requestMatchers("/actuator/**", "/internal/**").hasRole(Roles.OPERATIONS);
                    for (PublicEndpoints p : declared) {
                        for (String pattern : p.readOnly()) {
                            a.requestMatchers(HttpMethod.GET, pattern).permitAll();
                            a.requestMatchers(HttpMethod.HEAD, pattern).permitAll();
                        }
                        p.anyMethod().forEach(pattern -> a.requestMatchers(pattern).permitAll());
                    }
                    a.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(jwtAuthentication(claimNames)))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * A decoder for a fixed public key with issuer and audience checks: used where no OIDC discovery is available
     * (local runs and tests). With {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}
     * instead, Spring Boot's own decoder validates against the identity provider.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("augenhoehe.security.jwt.public-key-location")
    JwtDecoder publicKeyJwtDecoder(@Value("${augenhoehe.security.jwt.public-key-location}") Resource key,
            @Value("${augenhoehe.security.jwt.issuer}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences:augenhoehe}") List<String> audiences) throws Exception {
        RSAPublicKey publicKey = TokenRules.publicKey(key.getContentAsString(StandardCharsets.UTF_8));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(TokenRules.validator(issuer, audiences));
        return decoder;
    }

    /**
     * A decoder for an external identity provider's key set ({@code augenhoehe.security.jwt.jwk-set-uri}) with the
     * same issuer and audience checks; used when no public key location is configured.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("augenhoehe.security.jwt.jwk-set-uri")
    JwtDecoder jwkSetJwtDecoder(@Value("${augenhoehe.security.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${augenhoehe.security.jwt.issuer}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences:augenhoehe}") List<String> audiences) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(TokenRules.validator(issuer, audiences));
        return decoder;
    }

    /** Roles from the {@code roles} claim as ROLE_*, scopes as SCOPE_*. */
    static JwtAuthenticationConverter jwtAuthentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(TokenRules::authorities);
        return converter;
    }

    /**
     * The platform's claims read from where {@code augenhoehe.security.jwt.claims.*} says (an external identity
     * provider's names, e.g. {@code realm_access.roles}); the authentication carries the token with the platform's
     * names, so {@link Actor} reads it unchanged.
     */
    static Converter<Jwt, AbstractAuthenticationToken> jwtAuthentication(TokenRules.ClaimNames names) {
        if (names.equals(TokenRules.ClaimNames.PLATFORM)) {
            return jwtAuthentication();
        }
        JwtAuthenticationConverter platform = jwtAuthentication();
        return jwt -> platform.convert(TokenRules.normalize(jwt, names));
    }

}
