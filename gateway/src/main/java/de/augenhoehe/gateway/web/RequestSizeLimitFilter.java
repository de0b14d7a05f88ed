package de.augenhoehe.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import de.augenhoehe.gateway.GatewayProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bodies over {@code augenhoehe.gateway.max-request-size} are refused with 413: at once by their Content-Length,
 * and for chunked bodies as soon as the bytes read pass the limit (before the downstream answered).
 */
@Component
class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final long max;

    public RequestSizeLimitFilter(GatewayProperties properties) {
        this.max = properties.maxRequestSize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > max) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
        }
        if (length >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong read = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> {
                    if (read.addAndGet(buffer.readableByteCount()) > max) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge());
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private String tooLarge() {
        return "Der Inhalt der Anfrage ist größer als " + max + " Bytes. / The request body is larger than " + max + " bytes.";
    }
}
