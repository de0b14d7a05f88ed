package de.augenhoehe.gateway.web;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers — unknown path, dead or slow downstream, body too large — as problem
 * details. A downstream that refuses or drops the connection is a 502, one that does not answer in time a 504;
 * only a fault of the gateway itself is a 500.
 */
@Component
@Order(-2) // before Spring Boot's default handler
public class ProblemErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status = status(ex);
        if (status.is5xxServerError()) {
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), status.value(), ex.toString());
        }
        // an unknown path is a plain 404: Spring's reason ("No static resource … for request 'http://…'") tells how the
        // gateway looks inside and echoes its own address
        String detail = ex instanceof NoResourceFoundException ? "There is nothing at this path"
                : ex instanceof ResponseStatusException rse && status.is4xxClientError() ? rse.getReason() : null;
        return Problems.write(exchange, status, detail);
    }

    public static HttpStatusCode status(Throwable ex) {
        if (ex instanceof ResponseStatusException rse) {
            return rse.getStatusCode();
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().endsWith("TimeoutException")
                    || t.getClass().getName().endsWith("ReadTimeoutException")) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
            // refused, reset ("Connection reset by peer" is Netty's NativeIoException), dropped: the downstream failed
            if (t instanceof IOException || t.getClass().getName().endsWith("PrematureCloseException")) {
                return HttpStatus.BAD_GATEWAY;
            }
            if (t instanceof ResponseStatusException rse) {
                return rse.getStatusCode();
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
