package de.augenhoehe.platform.security;

import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A filter chain a service puts in front of the platform's, for its own paths only (e.g. an OAuth2 authorization
 * server with its login form). Declared as a bean of this type it does not replace the platform's secure-by-default
 * chain, which keeps every other request; a plain {@link SecurityFilterChain} bean still replaces it, as before.
 */
public final class LeadingSecurityFilterChain implements SecurityFilterChain, Ordered {

    private final SecurityFilterChain delegate;

    public LeadingSecurityFilterChain(SecurityFilterChain delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return delegate.matches(request);
    }

    @Override
    public List<Filter> getFilters() {
        return delegate.getFilters();
    }

    /** Before the platform's chain, which matches any request. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
