package de.augenhoehe.gateway.ratelimit;

import java.util.List;
import java.util.Locale;

import de.augenhoehe.gateway.ratelimit.RateLimitProperties.Bucket;
import de.augenhoehe.gateway.ratelimit.RateLimitProperties.Rule;
import de.augenhoehe.gateway.ratelimit.RateLimitStore.Decision;
import de.augenhoehe.gateway.web.AccessLogFilter;
import de.augenhoehe.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * One token per request from the client's bucket; an empty bucket is a 429 problem answer, and the request never
 * reaches the route. Runs after Spring Security's filter chain (order 0 &gt; -100), inside the security context it
 * establishes: a valid token is keyed by its subject, else its {@code client_id} (as ClientAttributeFilter noted it); anything else by the client
 * address ({@link ClientAddress}: {@code X-Forwarded-For} only from {@code trusted-proxies}). Every answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}.
 */
class RateLimitFilter implements WebFilter, Ordered {

    public static final int ORDER = 0;
    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private final RateLimitProperties properties;
    private final RateLimitStore store;
    private final List<CompiledRule> rules;
    private final ClientAddress clientAddress;

    public RateLimitFilter(RateLimitProperties properties, RateLimitStore store, ClientAddress clientAddress) {
        this.properties = properties;
        this.store = store;
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.rules = properties.rules().stream().map(r -> new CompiledRule(r,
                r.paths().stream().map(parser::parse).toList(),
                r.methods().stream().map(m -> m.toUpperCase(Locale.ROOT)).toList())).toList();
        this.clientAddress = clientAddress;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // who the client is was noted once, right after the security chain (ClientAttributeFilter, order -99)
        String client = exchange.getAttribute(AccessLogFilter.CLIENT_ATTR);
        return limit(exchange, chain, client != null ? client : "addr:" + clientAddress.of(exchange));
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, String client) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        String method = exchange.getRequest().getMethod().name();
        String policy;
        Bucket bucket;
        CompiledRule rule = rules.stream().filter(r -> r.matches(method, path)).findFirst().orElse(null);
        if (rule != null) {
            policy = rule.rule.name();
            bucket = rule.rule.bucket();
        } else if (client.startsWith("addr:")) {
            policy = "default-anonymous";
            bucket = properties.anonymous();
        } else {
            policy = "default-authenticated";
            bucket = properties.authenticated();
        }
        return store.tryConsume(policy + ":" + client, bucket).flatMap(decision -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(LIMIT, Long.toString(bucket.capacity()));
            headers.set(REMAINING, Long.toString(decision.remaining()));
            headers.set(RESET, Long.toString(seconds(decision.nanosUntilFull())));
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds(decision.nanosUntilNextToken()))));
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                    "Zu viele Anfragen; bitte später erneut versuchen. / Too many requests; retry after the time in Retry-After.");
        });
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private record CompiledRule(Rule rule, List<PathPattern> patterns, List<String> methods) {
        boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method)) && patterns.stream().anyMatch(p -> p.matches(path));
        }
    }
}
