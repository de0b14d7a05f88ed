package de.augenhoehe.partner.registry;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data of the two seed networks (demo mode only, on an empty database): the kinds of actors of Heilbronn
 * and the Ems-Achse. Companies are fictional; public institutions are named by their function.
 */
@Component
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoPartners implements ApplicationRunner {

    private final PartnerRegistry registry;

    DemoPartners(PartnerRegistry registry) {
        this.registry = registry;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!registry.isEmpty()) {
            return;
        }
        // Heilbronn
        registry.register("Agentur für Arbeit Heilbronn", PartnerKind.EMPLOYMENT_AGENCY, "demo");
        registry.register("Südwestmetall Bezirksgruppe Heilbronn", PartnerKind.EMPLOYERS_ASSOCIATION, "demo");
        registry.register("IG Metall Heilbronn-Neckarsulm", PartnerKind.UNION, "demo");
        registry.register("Handwerkskammer Heilbronn-Franken", PartnerKind.CHAMBER_OF_CRAFTS, "demo");
        registry.register("Neckartal Präzisionstechnik GmbH", PartnerKind.COMPANY, "demo");
        registry.register("Gemeinschaftsschule am Wartberg", PartnerKind.SCHOOL, "demo");
        registry.register("Caritas-Beratungsstelle Heilbronn", PartnerKind.CHARITY, "demo");
        // Ems-Achse
        registry.register("Agentur für Arbeit Nordhorn", PartnerKind.EMPLOYMENT_AGENCY, "demo");
        registry.register("IHK für Ostfriesland und Papenburg", PartnerKind.CHAMBER_OF_COMMERCE, "demo");
        registry.register("Stadt Leer (Ostfriesland)", PartnerKind.MUNICIPALITY, "demo");
        registry.register("Emsland Schiffbau & Anlagen AG", PartnerKind.COMPANY, "demo");
        registry.register("Landkreis Emsland", PartnerKind.DISTRICT, "demo");
    }
}
