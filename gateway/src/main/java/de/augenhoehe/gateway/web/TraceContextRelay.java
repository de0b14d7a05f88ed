package de.augenhoehe.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace context of the request's own server span to the service, in the headers of the configured propagation
 * ({@code traceparent} by default) — sampled or not, so the service continues the trace. This replaces Spring Cloud
 * Gateway's client-side observation ({@code spring.cloud.gateway.server.webflux.observability.enabled: false}), which
 * opened a second observation per request (a client span and a timer with its own tags, both sides of every call) only
 * to do this: about 6 % of the event loops' samples (infra/benchmarks/gateway/README.md, 2026-12-06).
 */
@Component
class TraceContextRelay implements HttpHeadersFilter {

    private final Propagator propagator;

    TraceContextRelay(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(c -> (TracingObservationHandler.TracingContext) c.get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan).orElse(null);
        if (span == null || propagator == Propagator.NOOP) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        propagator.inject(span.context(), headers, HttpHeaders::set);
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
