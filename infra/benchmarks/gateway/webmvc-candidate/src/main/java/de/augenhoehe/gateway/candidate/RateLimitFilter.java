package de.augenhoehe.gateway.candidate;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * As the product's RateLimitFilter with its in-memory store: after the security chain (order 0 &gt; -100), one token per
 * request from the caller's bucket (its token's subject, else the client address), the first matching rule's bucket
 * instead of the default; RateLimit-* headers on every answer, 429 problem when empty. Notes the caller for the access log.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter implements Ordered {

    static final String CLIENT_ATTR = RateLimitFilter.class.getName() + ".client";

    private final ProductSettings.RateLimits limits;
    private final List<CompiledRule> rules;
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(ProductSettings settings) {
        this.limits = settings.rateLimits();
        this.rules = limits.rules().stream().map(r -> new CompiledRule(r, r.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
                r.methods().stream().map(m -> m.toUpperCase(Locale.ROOT)).toList())).toList();
        this.buckets = Caffeine.newBuilder().executor(Runnable::run).expireAfterAccess(limits.idleExpiry())
                .maximumSize(limits.maxBuckets()).build();
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = clientOf(SecurityContextHolder.getContext().getAuthentication());
        if (client != null) {
            request.setAttribute(CLIENT_ATTR, client);
        }
        if (!limits.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String key = client != null ? client : "addr:" + request.getRemoteAddr();
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        CompiledRule rule = rules.stream().filter(r -> r.matches(request.getMethod(), path)).findFirst().orElse(null);
        String policy = rule != null ? rule.rule().name() : client == null ? "default-anonymous" : "default-authenticated";
        double capacity = rule != null ? rule.rule().capacity() : client == null ? limits.anonymous().capacity() : limits.authenticated().capacity();
        double refill = rule != null ? rule.rule().refillPerSecond()
                : client == null ? limits.anonymous().refillPerSecond() : limits.authenticated().refillPerSecond();
        Bucket bucket = buckets.get(policy + ":" + key, k -> new Bucket(capacity, System.nanoTime()));
        long[] decision = bucket.consume(capacity, refill / 1e9, System.nanoTime());
        response.setHeader("RateLimit-Limit", Long.toString((long) capacity));
        response.setHeader("RateLimit-Remaining", Long.toString(decision[1]));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(decision[3])));
        if (decision[0] == 1) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds(decision[2]))));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Zu viele Anfragen; bitte später erneut versuchen.");
    }

    /** The product's ClientAttributeFilter: the token's subject, else its client_id. */
    private static String clientOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return null;
        }
        if (jwt.getSubject() != null && !jwt.getSubject().isBlank()) {
            return "sub:" + jwt.getSubject();
        }
        String clientId = jwt.getClaimAsString("client_id");
        return clientId == null || clientId.isBlank() ? null : "client:" + clientId;
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private record CompiledRule(ProductSettings.Rule rule, List<PathPattern> patterns, List<String> methods) {
        boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method)) && patterns.stream().anyMatch(p -> p.matches(path));
        }
    }

    /** The product's token bucket (InMemoryRateLimitStore.State): allowed, remaining, nanos to next token, to full. */
    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long[] consume(double capacity, double perNano, long now) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * perNano);
                updated = now;
            }
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long untilNext = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
            return new long[] {allowed ? 1 : 0, (long) Math.floor(tokens), untilNext, (long) Math.ceil((capacity - tokens) / perNano)};
        }
    }
}
