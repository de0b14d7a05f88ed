package de.augenhoehe.partner.accounts;

import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.augenhoehe.partner.networks.DemoNetworks;
import de.augenhoehe.partner.registry.PartnerDirectory;

/**
 * Demo accounts (demo mode only), all with the demo password {@code augenhoehe.demo.password} — demo only, never in
 * a real installation: a coordinator of each seed network, an administrator of a demo company and an operator.
 * Idempotent: an existing account is kept as it is.
 */
@Component
@Order(3) // after the demo partners
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final PartnerDirectory partners;
    private final String password;

    DemoAccounts(Accounts accounts, PartnerDirectory partners, @Value("${augenhoehe.demo.password:augenhoehe-demo}") String password) {
        this.accounts = accounts;
        this.partners = partners;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        account("demo-koordination-heilbronn", "Agentur für Arbeit Heilbronn", Set.of(Role.COORDINATOR), Set.of(DemoNetworks.HEILBRONN));
        account("demo-koordination-ems", "Agentur für Arbeit Nordhorn", Set.of(Role.COORDINATOR), Set.of(DemoNetworks.EMS_ACHSE));
        account("demo-personal-neckartal", "Neckartal Präzisionstechnik GmbH", Set.of(Role.PARTNER_ADMIN), Set.of());
        account("demo-betrieb", "Agentur für Arbeit Heilbronn", Set.of(Role.OPERATIONS), Set.of());
    }

    private void account(String username, String partnerName, Set<Role> roles, Set<UUID> networks) {
        partners.idByName(partnerName).ifPresentOrElse(p -> accounts.ensure(p, username, password, roles, networks),
                () -> log.warn("Demo partner missing, demo account {} not created", username));
    }
}
