package de.augenhoehe.partner.logins;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.platform.web.ClientAddresses;
import de.augenhoehe.platform.web.ProblemType;

/**
 * Throttles the two places where secrets are guessed, before Spring Security sees them (so on the service port too):
 * {@code POST /oauth2/login} (a person's username and password) and {@code POST /oauth2/token} with client credentials
 * (an HR client's secret). A locked account, client or address is refused without checking the secret — the login
 * form shows a German message, the token endpoint answers 429 with {@code Retry-After}. After the request a failure is
 * recorded (login: the redirect to {@code ?error}; token: 401 {@code invalid_client}); a successful login clears the
 * account's failures.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final ProblemType TOO_MANY_FAILED_LOGINS = ProblemType.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
            "Zu viele fehlgeschlagene Anmeldungen / Too many failed logins");

    static final String LOGIN = "/oauth2/login";
    static final String TOKEN = "/oauth2/token";

    private final LoginFailures failures;
    private final LoginThrottleProperties properties;
    private final ClientAddresses addresses;
    private final JsonMapper json;

    LoginThrottleFilter(LoginFailures failures, LoginThrottleProperties properties, JsonMapper json) {
        this.failures = failures;
        this.properties = properties;
        this.addresses = new ClientAddresses(properties.trustedProxies());
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !properties.enabled() || !"POST".equals(request.getMethod()) || !(LOGIN.equals(path) || TOKEN.equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean login = request.getRequestURI().endsWith(LOGIN);
        LoginFailures.Kind kind = login ? LoginFailures.Kind.ACCOUNT : LoginFailures.Kind.CLIENT;
        Optional<String> subject = login ? Optional.ofNullable(request.getParameter("username")).filter(u -> !u.isBlank())
                : clientId(request);
        if (subject.isEmpty()) {
            chain.doFilter(request, response); // nothing to guess for (e.g. an authorization code redemption of a public client)
            return;
        }
        String address = addresses.of(request);
        Optional<Duration> locked = failures.lockedFor(kind, subject.get(), address);
        if (locked.isPresent()) {
            refuse(login, locked.get(), request, response);
            return;
        }
        chain.doFilter(request, response);
        if (failed(login, response)) {
            failures.record(kind, subject.get(), address);
        } else if (login && response.getStatus() / 100 == 3) {
            failures.clear(kind, subject.get());
        }
    }

    private static boolean failed(boolean login, HttpServletResponse response) {
        if (login) {
            String location = response.getHeader("Location");
            return response.getStatus() / 100 == 3 && location != null && location.contains(LOGIN + "?error");
        }
        return response.getStatus() == HttpStatus.UNAUTHORIZED.value();
    }

    private void refuse(boolean login, Duration locked, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long seconds = Math.max(1, (locked.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        if (login) {
            // Back to the form, which names the wait in German; the form carries a fresh CSRF token.
            response.sendRedirect(request.getContextPath() + LOGIN + "?locked=" + Math.max(1, (seconds + 59) / 60));
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), TOO_MANY_FAILED_LOGINS.problem("Too many failed attempts for this client or from this address; try again after Retry-After seconds"));
    }

    /** The client id of HTTP Basic or of the form ({@code client_id}); empty without one. */
    private static Optional<String> clientId(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return Optional.of(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // malformed: Spring's client authentication refuses it
            }
            return Optional.empty();
        }
        return Optional.ofNullable(request.getParameter("client_secret") == null ? null : request.getParameter("client_id"))
                .filter(id -> !id.isBlank());
    }
}
