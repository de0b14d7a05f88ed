package de.augenhoehe.gateway.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose RS256 signature the delegate has verified, so that a client's next requests with the same
 * token skip parsing and the signature check (the largest single share of the gateway's own CPU time per request in the
 * benchmark's profile). The claims are checked again on every use ({@code validator}: expiry, not-before, issuer,
 * audience), so an expired token is refused even when cached. Only successfully verified tokens are kept; the key is
 * the exact token string, so a forged variant never matches. Bounded in size and age; lives in this process only.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(ReactiveJwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, long maxTokens, Duration maxAge) {
        this.delegate = delegate;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().executor(Runnable::run).maximumSize(maxTokens).expireAfterWrite(maxAge).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (!result.hasErrors()) {
            return Mono.just(known);
        }
        verified.invalidate(token);
        String description = result.getErrors().iterator().next().getDescription();
        return Mono.error(new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                result.getErrors()));
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
