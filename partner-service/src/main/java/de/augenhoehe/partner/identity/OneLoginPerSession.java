package de.augenhoehe.partner.identity;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * The login's HTTP session lives from the first authorize request until the code is issued, and not longer: when the
 * authorization endpoint redirects back to the client with a code, the session is invalidated (its row deleted, the
 * cookie cleared). Sessions are kept in the database (Spring Session JDBC) so every instance can continue a login;
 * ending them at once leaves no signed-in session there that a database reader could take over, and the next login
 * asks for the password again (the platform's clients hold their tokens; there is no single sign-on to keep).
 */
class OneLoginPerSession extends AuthorizationEndpointFilter {

    private static final Pattern CODE = Pattern.compile("[?&]code=");

    OneLoginPerSession(String authorizationEndpoint) {
        super(authorizationEndpoint);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                if (CODE.matcher(location).find()) {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                }
                super.sendRedirect(location);
            }
        });
    }
}
