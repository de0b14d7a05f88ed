package de.augenhoehe.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import de.augenhoehe.gateway.GatewayProperties;
import de.augenhoehe.gateway.web.ClientAttributeFilter;
import de.augenhoehe.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import de.augenhoehe.tokens.TokenRules;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The gateway's coarse checks: a JWT bearer token (RS256 only, issuer, audience, expiry) and the access rules per
 * route family from {@code augenhoehe.gateway.access}. The token is relayed untouched; the services validate it
 * again and check object-level permissions themselves.
 *
 * <p>The checks are on when a key is configured — {@code augenhoehe.security.jwt.public-key-location} and
 * {@code augenhoehe.security.jwt.issuer}, as for the services, or a {@link ReactiveJwtDecoder} from Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}. Without one the gateway refuses to start: secure by default.
 * Only {@code augenhoehe.gateway.unchecked-relay=true} (development, tests of the relay alone) lets it start as a plain
 * relay, with a warning — the services still check every token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewaySecurityConfiguration.class);
    static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewayProperties properties,
            ObjectProvider<ReactiveJwtDecoder> decoders,
            @Value("${augenhoehe.security.jwt.claims.roles:}") String rolesClaim,
            @Value("${augenhoehe.security.jwt.claims.partner-id:}") String partnerClaim,
            @Value("${augenhoehe.security.jwt.claims.networks:}") String networksClaim,
            @Value("${augenhoehe.gateway.unchecked-relay:false}") boolean uncheckedRelay) {
        http.csrf(c -> c.disable()) // bearer tokens only; the browser session (BFF) will bring its own CSRF protection
                .httpBasic(b -> b.disable()).formLogin(f -> f.disable()).logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(h -> h.disable()) // SecurityHeadersFilter writes them on every response, secured or not
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated()).accessDeniedHandler(forbidden()));
        ReactiveJwtDecoder decoder = decoders.getIfAvailable();
        if (decoder == null && !uncheckedRelay) {
            throw new IllegalStateException("No JWT key configured: set augenhoehe.security.jwt.public-key-location and "
                    + "augenhoehe.security.jwt.issuer (or spring.security.oauth2.resourceserver.jwt.*). Only for development: "
                    + "augenhoehe.gateway.unchecked-relay=true starts the gateway without checking tokens or roles.");
        }
        if (decoder == null) {
            log.warn("augenhoehe.gateway.unchecked-relay=true and no JWT key: the gateway relays every request without "
                    + "checking tokens or roles (development only); the services still check them");
            http.authorizeExchange(a -> a.anyExchange().permitAll());
            return http.build();
        }
        http.authorizeExchange(a -> a.anyExchange().access(new AccessRules(properties.access())))
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtDecoder(decoder).jwtAuthenticationConverter(
                        new ReactiveJwtAuthenticationConverterAdapter(
                                jwtAuthentication(new TokenRules.ClaimNames(rolesClaim, partnerClaim, networksClaim)))))
                .authenticationEntryPoint(unauthenticated()).accessDeniedHandler(forbidden()));
        return http.build();
    }

    /** The same fixed-key decoder as the services' platform library: RS256 only, issuer, audience, expiry. */
    @Bean
    @ConditionalOnProperty("augenhoehe.security.jwt.public-key-location")
    ReactiveJwtDecoder publicKeyJwtDecoder(@Value("${augenhoehe.security.jwt.public-key-location}") Resource key,
            @Value("${augenhoehe.security.jwt.issuer}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences:augenhoehe}") List<String> audiences) throws Exception {
        RSAPublicKey publicKey = TokenRules.publicKey(key.getContentAsString(StandardCharsets.UTF_8));
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey)
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = TokenRules.validator(issuer, audiences);
        decoder.setJwtValidator(validator);
        // most clients send the same token many times: its signature is verified once, its claims on every request
        return new VerifiedTokenCache(decoder, validator, 10_000, Duration.ofMinutes(5));
    }

    /** CORS only for {@code augenhoehe.gateway.cors.allowed-origins}; none configured: no CORS headers at all. */
    @Bean
    WebFilter corsFilter(GatewayProperties properties) {
        List<String> origins = properties.cors().allowedOrigins();
        if (origins.isEmpty()) {
            return new OrderedPassThrough();
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH, "Idempotency-Key"));
        cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
                "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new OrderedCors(source);
    }

    /** Roles read where the services read them: an external provider's claim names mapped as in infra/token-rules. */
    static JwtAuthenticationConverter jwtAuthentication(TokenRules.ClaimNames names) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles(names));
        return converter;
    }

    /**
     * The authorities of a token, mapped once per token: VerifiedTokenCache hands out the same Jwt object for the same
     * token, so they are not derived again on every request (≈ 1.6 % of the event loops' samples, 2026-12-06). Weak
     * keys compare by identity and leave with the cached token.
     */
    static Converter<Jwt, Collection<GrantedAuthority>> roles(TokenRules.ClaimNames names) {
        Cache<Jwt, Collection<GrantedAuthority>> mapped = Caffeine.newBuilder().weakKeys().maximumSize(10_000)
                .executor(Runnable::run).build();
        return jwt -> mapped.get(jwt, j -> List.copyOf(TokenRules.authorities(TokenRules.normalize(j, names))));
    }

    private static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, ex) -> {
            String challenge = ex instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer";
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, ex instanceof OAuth2AuthenticationException
                    ? "Das Token ist ungültig oder abgelaufen. / The bearer token is invalid or expired."
                    : "Anmeldung erforderlich. / A bearer token is required.");
        };
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, ex) -> ClientAttributeFilter.note(exchange).then(Problems.write(exchange, HttpStatus.FORBIDDEN,
                "Für diesen Bereich fehlt die Rolle. / The token lacks the role this route needs."));
    }

    /** Before Spring Security, so that preflight requests are answered without a token. */
    static final class OrderedCors extends CorsWebFilter implements Ordered {
        OrderedCors(UrlBasedCorsConfigurationSource source) {
            super(source);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 10;
        }
    }

    static final class OrderedPassThrough implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(org.springframework.web.server.ServerWebExchange exchange, org.springframework.web.server.WebFilterChain chain) {
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 10;
        }
    }
}
