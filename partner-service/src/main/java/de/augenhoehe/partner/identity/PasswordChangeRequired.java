package de.augenhoehe.partner.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import de.augenhoehe.partner.accounts.AccountLogin;

/**
 * No code for a person who still has a one-time initial password: the authorization request is kept in the login's
 * session and the person is sent to {@link PasswordPage}, which continues it once a password of their own is set. A
 * client thus never receives a token for an account whose password someone else has seen.
 */
class PasswordChangeRequired extends AuthorizationEndpointFilter {

    /** The authorization request to continue after the change: only ever a URL of the authorization endpoint. */
    static final String PENDING_AUTHORIZATION = PasswordChangeRequired.class.getName() + ".authorization";

    private final AccountLogin accounts;

    PasswordChangeRequired(String authorizationEndpoint, AccountLogin accounts) {
        super(authorizationEndpoint);
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (person == null || !person.isAuthenticated() || person instanceof AnonymousAuthenticationToken
                || !accounts.mustChangePassword(person.getName())) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        request.getSession().setAttribute(PENDING_AUTHORIZATION,
                request.getContextPath() + authorizationEndpoint + (query == null ? "" : "?" + query));
        response.sendRedirect(request.getContextPath() + PasswordPage.PATH);
    }
}
