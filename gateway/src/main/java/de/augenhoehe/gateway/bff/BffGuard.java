package de.augenhoehe.gateway.bff;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/**
 * Issue #5 asks for the browser-session (BFF) configuration to be designed so that it plugs in, not built: there is no
 * portal to serve yet. Decision: it stays off until the portal exists, and switching it on must not look as if it worked.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "augenhoehe.gateway.bff.enabled", havingValue = "true")
class BffGuard {

    BffGuard() {
        throw new IllegalStateException("augenhoehe.gateway.bff.enabled=true, but browser sessions (BFF) are designed only "
                + "(see gateway/README.md, 'Browser sessions (BFF)'); unset it");
    }
}
