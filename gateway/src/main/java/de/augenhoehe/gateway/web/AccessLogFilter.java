package de.augenhoehe.gateway.web;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One structured line per request on the {@code access} logger (JSON like every log line, see
 * {@code logging.structured}): trace id, client, route, method, path, status, latency and response bytes. The client is
 * the token's subject, else its {@code client_id} (never the token), or "anonymous"; the path is logged without its query
 * string, which may carry personal data (search terms, e-mail addresses).
 */
@Component
public class AccessLogFilter implements WebFilter, Ordered {

    /** Set by {@link ClientAttributeFilter} once the token is validated. */
    public static final String CLIENT_ATTR = AccessLogFilter.class.getName() + ".client";
    private static final Logger access = LoggerFactory.getLogger("access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // outermost after the security headers: sees every answer
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!access.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        AtomicLong bytes = new AtomicLong();
        ServerHttpResponseDecorator counted = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return super.writeWith(Flux.from(body).doOnNext(b -> bytes.addAndGet(b.readableByteCount())));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return super.writeAndFlushWith(Flux.from(body).map(p -> Flux.from(p).doOnNext(b -> bytes.addAndGet(b.readableByteCount()))));
            }
        };
        ServerWebExchange logged = exchange.mutate().response(counted).build();
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        return chain.filter(logged).doFinally(signal -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            Route route = logged.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String client = logged.getAttribute(CLIENT_ATTR);
            access.atInfo()
                    .addKeyValue("trace_id", traceId(exchange).orElse(null))
                    .addKeyValue("client", client == null ? "anonymous" : client)
                    .addKeyValue("route", route == null ? (path.startsWith("/ops/") ? "ops" : "gateway") : route.getId())
                    .addKeyValue("method", method)
                    .addKeyValue("path", path)
                    .addKeyValue("status", status == null ? 200 : status.value())
                    .addKeyValue("latency_ms", (System.nanoTime() - start) / 1_000_000)
                    .addKeyValue("bytes", bytes.get())
                    .log("{} {} {}", method, path, status == null ? 200 : status.value());
        });
    }

    private static Optional<String> traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(c -> (TracingObservationHandler.TracingContext) c.get(TracingObservationHandler.TracingContext.class))
                .map(t -> t.getSpan())
                .map(span -> span.context().traceId());
    }
}
