package de.augenhoehe.gateway;

import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The five stand-in services ({@link GatewayTestSupport#echoServices()}) of one test class, stopped after it. Use as
 * {@code @RegisterExtension static final EchoServices SERVICES = new EchoServices();} and register them from the
 * class's {@code @DynamicPropertySource} (Spring wants that method on the test class).
 */
final class EchoServices implements AfterAllCallback {

    private final Map<String, HttpServer> servers = GatewayTestSupport.echoServices();

    /** The gateway's service URLs point at the stand-ins; {@code jwt}: with the test key and issuer. */
    void register(DynamicPropertyRegistry registry, boolean jwt) {
        GatewayTestSupport.register(registry, servers, jwt);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        servers.values().forEach(s -> s.stop(0));
    }
}
