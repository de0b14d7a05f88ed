package de.augenhoehe.gateway.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import de.augenhoehe.gateway.GatewayProperties.AccessRule;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The coarse access rules of {@code augenhoehe.gateway.access} in one synchronous pass: the first rule whose methods
 * and paths match decides (anonymous, any of its roles, or any logged-in user); no rule: any logged-in user.
 *
 * <p>Same semantics as Spring Security's {@code pathMatchers(..).permitAll()/hasAnyRole(..)/authenticated()} chain it
 * replaces (same path patterns, same first-match order; {@code AccessMatrixTest} holds both to the matrix). That
 * chain ran a reactive pipeline per rule and path and built its debug messages for each even with debug logging off:
 * measurable CPU on every proxied request (see the gateway benchmark README).
 */
final class AccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final AuthorizationResult GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationResult DENIED = new AuthorizationDecision(false);
    private static final Mono<AuthorizationResult> ALWAYS_GRANTED = Mono.just(GRANTED);
    private static final Rule ANY_LOGGED_IN_USER = new Rule(Set.of(), List.of(), false, Set.of());

    private final List<Rule> rules;

    AccessRules(List<AccessRule> configured) {
        this.rules = configured.stream().map(Rule::of).toList();
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        Rule rule = ruleFor(context.getExchange().getRequest());
        if (rule.anonymous()) {
            return ALWAYS_GRANTED;
        }
        return authentication.filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
                .map(a -> rule.admits(a) ? GRANTED : DENIED)
                .defaultIfEmpty(DENIED);
    }

    private Rule ruleFor(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        HttpMethod method = request.getMethod();
        for (Rule rule : rules) {
            if (rule.matches(method, path)) {
                return rule;
            }
        }
        return ANY_LOGGED_IN_USER;
    }

    /** Empty methods: every method. Roles as authorities ({@code ROLE_…}); empty: any logged-in user. */
    record Rule(Set<HttpMethod> methods, List<PathPattern> paths, boolean anonymous, Set<String> authorities) {

        static Rule of(AccessRule rule) {
            return new Rule(
                    rule.methods().stream().map(m -> HttpMethod.valueOf(m.toUpperCase(Locale.ROOT))).collect(Collectors.toUnmodifiableSet()),
                    rule.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
                    rule.anonymous(),
                    rule.roles().stream().map(r -> "ROLE_" + r.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
        }

        boolean matches(HttpMethod method, PathContainer path) {
            if (!methods.isEmpty() && !methods.contains(method)) {
                return false;
            }
            for (PathPattern pattern : paths) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }

        boolean admits(Authentication authentication) {
            if (authorities.isEmpty()) {
                return true;
            }
            for (GrantedAuthority granted : authentication.getAuthorities()) {
                if (authorities.contains(granted.getAuthority())) {
                    return true;
                }
            }
            return false;
        }
    }
}
