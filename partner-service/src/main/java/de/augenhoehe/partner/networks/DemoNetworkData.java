package de.augenhoehe.partner.networks;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;


/** The two seed networks (demo mode only). Runs before the demo partners, which become their members; idempotent. */
@Component
@Order(1)
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoNetworkData implements ApplicationRunner {

    private final NetworkStore store;

    DemoNetworkData(NetworkStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!store.exists(DemoNetworks.HEILBRONN)) {
            store.create(DemoNetworks.HEILBRONN, new NetworkStore.Draft("Fachkräftenetzwerk Heilbronn", List.of("08121", "08125"),
                    "Bildungspotenziale von Menschen mit Migrationshintergrund erschließen: Maßnahmen bei den Partnern verankern "
                            + "und das Angebot der Region transparent machen.", LegalForm.INFORMAL_COOPERATION), "demo");
        }
        if (!store.exists(DemoNetworks.EMS_ACHSE)) {
            store.create(DemoNetworks.EMS_ACHSE, new NetworkStore.Draft("Ems-Achse Jobmotor Nordwest",
                    List.of("03454", "03457", "03452", "03456", "03462", "03402"),
                    "Fachkräfte für die Region gewinnen und halten: Stellenportal, Praktika und Projekttage, Arbeitsmarktmonitor, "
                            + "Rückkehrerkampagne.", LegalForm.REGISTERED_ASSOCIATION), "demo");
        }
    }
}
