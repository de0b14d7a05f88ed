package de.augenhoehe.partner.registry;

import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.partner.networks.DemoNetworks;

/**
 * Demo data of the two seed networks (demo mode only): the kinds of actors of Heilbronn and the Ems-Achse as active
 * members of their network. Companies are fictional; public institutions are named by their function. Idempotent:
 * what exists is kept, what is missing (e.g. memberships in a data folder from before they existed) is added.
 */
@Component
@Order(2)
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoPartners implements ApplicationRunner {

    private final PartnerRegistry registry;
    private final Memberships memberships;

    DemoPartners(PartnerRegistry registry, Memberships memberships) {
        this.registry = registry;
        this.memberships = memberships;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        UUID hn = DemoNetworks.HEILBRONN;
        member(hn, "Agentur für Arbeit Heilbronn", PartnerKind.EMPLOYMENT_AGENCY, "74072", "Heilbronn", "08121");
        member(hn, "Südwestmetall Bezirksgruppe Heilbronn", PartnerKind.EMPLOYERS_ASSOCIATION, "74076", "Heilbronn", "08121");
        member(hn, "IG Metall Heilbronn-Neckarsulm", PartnerKind.UNION, "74072", "Heilbronn", "08121");
        member(hn, "Handwerkskammer Heilbronn-Franken", PartnerKind.CHAMBER_OF_CRAFTS, "74072", "Heilbronn", "08121");
        company(hn, "Neckartal Präzisionstechnik GmbH", new Address("Binswanger Straße 12", "74172", "Neckarsulm", "08125"),
                new Industry("C", "25"), SizeClass.MEDIUM, "https://www.neckartal-praezision.example");
        member(hn, "Gemeinschaftsschule am Wartberg", PartnerKind.SCHOOL, "74076", "Heilbronn", "08121");
        member(hn, "Caritas-Beratungsstelle Heilbronn", PartnerKind.CHARITY, "74072", "Heilbronn", "08121");
        UUID ems = DemoNetworks.EMS_ACHSE;
        member(ems, "Agentur für Arbeit Nordhorn", PartnerKind.EMPLOYMENT_AGENCY, "48529", "Nordhorn", "03456");
        member(ems, "IHK für Ostfriesland und Papenburg", PartnerKind.CHAMBER_OF_COMMERCE, "26721", "Emden", "03402");
        member(ems, "Stadt Leer (Ostfriesland)", PartnerKind.MUNICIPALITY, "26789", "Leer", "03457");
        company(ems, "Emsland Schiffbau & Anlagen AG", new Address("Werftstraße 4", "26871", "Papenburg", "03454"),
                new Industry("C", "30"), SizeClass.LARGE, "https://www.emsland-schiffbau.example");
        member(ems, "Landkreis Emsland", PartnerKind.DISTRICT, "49716", "Meppen", "03454");
    }

    private void member(UUID network, String name, PartnerKind kind, String postalCode, String city, String kreis) {
        join(network, registry.findByName(name, kind).orElseGet(() -> registry.register(kind,
                new Profile(name, new Address(null, postalCode, city, kreis), null, null, null, null, null), "demo")));
    }

    /**
     * A demo company with its business address, website and logo (the portal's postings and their JobPosting data show
     * them; the .example addresses are reserved and lead nowhere). A company seeded before it had them gets them.
     */
    private void company(UUID network, String name, Address address, Industry industry, SizeClass size, String website) {
        Profile profile = new Profile(name, address, null, industry, size, website, website + "/logo.png");
        Partner p = registry.findByName(name, PartnerKind.COMPANY)
                .orElseGet(() -> registry.register(PartnerKind.COMPANY, profile, "demo"));
        if (p.website() == null) {
            p = registry.update(p.id(), p.version(), profile);
        }
        join(network, p);
    }

    private void join(UUID network, Partner p) {
        if (!memberships.openIn(p.id(), Set.of(network))) {
            // Seeded as admitted: the demo's partners are members already (no invitation to accept).
            Membership m = memberships.open(network, p, MembershipStatus.APPLIED, "demo");
            memberships.move(network, m.id(), MembershipStatus.ACTIVE, Set.of(MembershipStatus.APPLIED), "demo", null);
        }
    }
}
