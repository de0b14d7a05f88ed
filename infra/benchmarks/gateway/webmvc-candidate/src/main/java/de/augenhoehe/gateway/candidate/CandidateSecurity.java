package de.augenhoehe.gateway.candidate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.augenhoehe.tokens.TokenRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * As the product gateway: RS256 only, issuer, audience and expiry by infra/token-rules, a verified token's signature
 * checked once and its claims on every request, roles as the services read them, the coarse access rules, 401/403 as
 * problem details. No session, no CSRF (bearer tokens only).
 */
@Configuration(proxyBeanMethods = false)
class CandidateSecurity {

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, ProductSettings settings, JwtDecoder decoder) throws Exception {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt -> TokenRules.authorities(TokenRules.normalize(jwt, TokenRules.ClaimNames.PLATFORM)));
        http.csrf(c -> c.disable()).httpBasic(b -> b.disable()).formLogin(f -> f.disable()).logout(l -> l.disable())
                .requestCache(c -> c.disable()).headers(h -> h.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().access(new AccessRules(settings.access())))
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            Problems.write(response, HttpStatus.UNAUTHORIZED, "Anmeldung erforderlich oder Token ungültig.");
                        }))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) ->
                        Problems.write(response, HttpStatus.FORBIDDEN, "Für diesen Bereich fehlt die Rolle.")));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${augenhoehe.security.jwt.public-key-location}") Resource key,
            @Value("${augenhoehe.security.jwt.issuer}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences:augenhoehe}") List<String> audiences) throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TokenRules.publicKey(key.getContentAsString(StandardCharsets.UTF_8)))
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = TokenRules.validator(issuer, audiences);
        decoder.setJwtValidator(validator);
        Cache<String, Jwt> verified = Caffeine.newBuilder().executor(Runnable::run).maximumSize(10_000)
                .expireAfterWrite(Duration.ofMinutes(5)).build();
        // the product's VerifiedTokenCache: signature once per token, claims on every use
        return token -> {
            Jwt known = verified.getIfPresent(token);
            if (known == null) {
                Jwt jwt = decoder.decode(token);
                verified.put(token, jwt);
                return jwt;
            }
            OAuth2TokenValidatorResult result = validator.validate(known);
            if (result.hasErrors()) {
                verified.invalidate(token);
                throw new JwtValidationException("invalid token", result.getErrors());
            }
            return known;
        };
    }
}
