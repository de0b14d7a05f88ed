package de.augenhoehe.partner.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/** A filter of the login flow that acts on the authorization endpoint's requests only. */
abstract class AuthorizationEndpointFilter extends OncePerRequestFilter {

    protected final String authorizationEndpoint;

    AuthorizationEndpointFilter(String authorizationEndpoint) {
        this.authorizationEndpoint = authorizationEndpoint;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !authorizationEndpoint.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }
}
