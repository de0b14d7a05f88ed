package de.augenhoehe.gateway.candidate;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The product gateway's AccessRules, blocking: the first rule whose methods and paths match decides; none: logged in. */
final class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);
    private static final Rule ANY_LOGGED_IN_USER = new Rule(Set.of(), List.of(), false, Set.of());

    private final List<Rule> rules;

    AccessRules(List<ProductSettings.AccessRule> configured) {
        this.rules = configured.stream().map(Rule::of).toList();
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        PathContainer path = PathContainer.parsePath(context.getRequest().getRequestURI());
        String method = context.getRequest().getMethod();
        Rule rule = rules.stream().filter(r -> r.matches(method, path)).findFirst().orElse(ANY_LOGGED_IN_USER);
        if (rule.anonymous()) {
            return GRANTED;
        }
        Authentication a = authentication.get();
        boolean loggedIn = a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
        return loggedIn && rule.admits(a) ? GRANTED : DENIED;
    }

    record Rule(Set<String> methods, List<PathPattern> paths, boolean anonymous, Set<String> authorities) {

        static Rule of(ProductSettings.AccessRule rule) {
            return new Rule(rule.methods().stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                    rule.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(), rule.anonymous(),
                    rule.roles().stream().map(r -> "ROLE_" + r.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
        }

        boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method)) && paths.stream().anyMatch(p -> p.matches(path));
        }

        boolean admits(Authentication authentication) {
            return authorities.isEmpty()
                    || authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authorities::contains);
        }
    }
}
