package de.augenhoehe.gateway.candidate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The WebMVC gateway candidate (issue #21, benchmark only): Spring Cloud Gateway Server WebMVC on virtual threads with
 * the product gateway's checks for a proxied API request — JWT (infra/token-rules), the coarse access rules, a token
 * bucket per caller, Resilience4j circuit breaker and bulkhead, retries, security headers, the JSON access log
 * (asynchronous) and tracing — configured by the product gateway's own application.yml. See README.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CandidateApplication {

    public static void main(String[] args) {
        SpringApplication.run(CandidateApplication.class, args);
    }
}
