package de.augenhoehe.gateway.candidate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The product's access log: one structured line per request on the {@code access} logger (trace id, client, route,
 * method, path without query, status, latency, response bytes), written by a logging thread (logback AsyncAppender,
 * attached in code over Boot's structured console appender as the product's AsyncAccessLog does). Inside the request's
 * observation (order after Boot's ServerHttpObservationFilter), so the trace id is the current span's.
 */
@Component
class AccessLogFilter extends OncePerRequestFilter implements Ordered, SmartInitializingSingleton {

    private static final Logger access = LoggerFactory.getLogger("access");
    private final ObjectProvider<Tracer> tracer;

    AccessLogFilter(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        Counting counted = new Counting(response);
        try {
            chain.doFilter(request, counted);
        } finally {
            Tracer t = tracer.getIfAvailable();
            Span span = t == null ? null : t.currentSpan();
            Object client = request.getAttribute(RateLimitFilter.CLIENT_ATTR);
            String path = request.getRequestURI();
            access.atInfo()
                    .addKeyValue("trace_id", span == null ? null : span.context().traceId())
                    .addKeyValue("client", client == null ? "anonymous" : client)
                    .addKeyValue("route", request.getAttribute(CandidateRoutes.ROUTE_ATTR) instanceof String r ? r : "gateway")
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", path)
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("latency_ms", (System.nanoTime() - start) / 1_000_000)
                    .addKeyValue("bytes", counted.bytes)
                    .log("{} {} {}", request.getMethod(), path, response.getStatus());
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger logger = context.getLogger("access");
        List<Appender<ILoggingEvent>> targets = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(targets::add);
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ACCESS_ASYNC");
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.setMaxFlushTime(2000);
        targets.forEach(async::addAppender);
        async.start();
        logger.addAppender(async);
        logger.setAdditive(false);
    }

    /** Counts the body bytes written to the client. */
    private static final class Counting extends HttpServletResponseWrapper {
        long bytes;
        private ServletOutputStream out;

        Counting(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream target = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        bytes++;
                        target.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        bytes += len;
                        target.write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        target.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return target.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        target.setWriteListener(listener);
                    }
                };
            }
            return out;
        }
    }

    /** The product's SecurityHeadersFilter for API answers: written before the chain, on every answer. */
    @Component
    static final class SecurityHeaders extends OncePerRequestFilter implements Ordered {
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(HttpHeaders.COOKIE) != null) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            chain.doFilter(request, response);
        }
    }
}
