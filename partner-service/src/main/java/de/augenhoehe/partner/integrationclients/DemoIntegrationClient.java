package de.augenhoehe.partner.integrationclients;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.augenhoehe.partner.registry.PartnerDirectory;

/**
 * The demo HR client (demo mode only) of the demo company Neckartal Präzisionstechnik GmbH: client id
 * {@value #CLIENT_ID}, secret {@code augenhoehe.demo.hr-client-secret} — documented, so demo only. Kept if it exists.
 */
@Component
@Order(3) // after the demo partners
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoIntegrationClient implements ApplicationRunner {

    static final String CLIENT_ID = "hr-demo-neckartal";
    private static final Logger log = LoggerFactory.getLogger(DemoIntegrationClient.class);

    private final IntegrationClients clients;
    private final PartnerDirectory partners;
    private final String secret;

    DemoIntegrationClient(IntegrationClients clients, PartnerDirectory partners,
            @Value("${augenhoehe.demo.hr-client-secret:augenhoehe-demo-hr-secret}") String secret) {
        this.clients = clients;
        this.partners = partners;
        this.secret = secret;
    }

    @Override
    public void run(ApplicationArguments args) {
        partners.idByName("Neckartal Präzisionstechnik GmbH").ifPresentOrElse(
                p -> clients.ensure(p, CLIENT_ID, "Demo-Personalsystem", secret),
                () -> log.warn("Demo company missing, demo HR client not created"));
    }
}
