package de.augenhoehe.gateway.candidate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The part of the product gateway's {@code augenhoehe.gateway} configuration the candidate uses (bound from the product's
 * application.yml, imported unchanged): service base URLs, access rules, rate limits.
 */
@ConfigurationProperties("augenhoehe.gateway")
record ProductSettings(Map<String, String> services, List<AccessRule> access, RateLimits rateLimits) {

    record AccessRule(List<String> paths, List<String> methods, boolean anonymous, List<String> roles) {
        AccessRule {
            methods = methods == null ? List.of() : methods;
            roles = roles == null ? List.of() : roles;
        }
    }

    record RateLimits(@DefaultValue("true") boolean enabled, Bucket authenticated, Bucket anonymous, List<Rule> rules,
            @DefaultValue("10m") Duration idleExpiry, @DefaultValue("100000") long maxBuckets) {
        RateLimits {
            rules = rules == null ? List.of() : rules;
        }
    }

    record Bucket(long capacity, double refillPerSecond) {
    }

    record Rule(String name, List<String> paths, List<String> methods, long capacity, double refillPerSecond) {
        Rule {
            methods = methods == null ? List.of() : methods;
        }
    }
}
