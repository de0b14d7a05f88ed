package de.augenhoehe.partner.logins;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code augenhoehe.identity.login-throttle.*}: how many failed logins within the sliding {@code window} lock out an
 * account or HR client ({@code account-failures}) or refuse a client address ({@code address-failures}), and which
 * TCP peers are proxies whose {@code X-Forwarded-For} is believed (the gateway: loopback under {@code ./platform}).
 */
@ConfigurationProperties("augenhoehe.identity.login-throttle")
record LoginThrottleProperties(Boolean enabled, Duration window, Integer accountFailures, Integer addressFailures,
        List<String> trustedProxies) {

    LoginThrottleProperties {
        enabled = enabled == null || enabled;
        window = window == null ? Duration.ofMinutes(15) : window;
        accountFailures = accountFailures == null ? 5 : accountFailures;
        addressFailures = addressFailures == null ? 50 : addressFailures;
        trustedProxies = trustedProxies == null ? List.of("127.0.0.1", "0:0:0:0:0:0:0:1") : List.copyOf(trustedProxies);
    }
}
