package de.augenhoehe.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells every answer how long the service worked on it: {@code Server-Timing: app;dur=<ms>}, measured from the
 * first filter until the response is committed (reading the body, security, validation, the handler and writing
 * the head). Operators read it in the browser or at the gateway; the pathological-input test of every service
 * uses it to measure server time without the network.
 */
public class ServerTimingFilter extends OncePerRequestFilter {

    public static final String HEADER = "Server-Timing";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timed timed = new Timed(response, System.nanoTime());
        try {
            chain.doFilter(request, timed);
        } finally {
            timed.stamp();
        }
    }

    /** Adds the header once, just before the response is committed (a header after that would be lost). */
    private static final class Timed extends OnCommittedResponseWrapper {
        private final HttpServletResponse target;
        private final long start;
        private boolean stamped;

        Timed(HttpServletResponse target, long start) {
            super(target);
            this.target = target;
            this.start = start;
        }

        @Override
        protected void onResponseCommitted() {
            stamp();
        }

        void stamp() {
            if (stamped) {
                return;
            }
            stamped = true;
            if (!target.isCommitted()) {
                double millis = (System.nanoTime() - start) / 1_000_000.0;
                target.addHeader(HEADER, String.format(Locale.ROOT, "app;dur=%.1f", millis));
            }
        }
    }
}
