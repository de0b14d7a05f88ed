package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.partner.networks.DemoNetworks;
import de.augenhoehe.partner.registry.PartnerDirectory;

/**
 * Demo mode only: some pledges of the seed networks' partners, so the balances have something to show. Made once: when
 * any demo pledge exists, nothing is added.
 */
@Component
@Order(4) // after the demo networks and partners
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoPledges implements ApplicationRunner {

    static final String BY = "demo";

    private final Ledger ledger;
    private final PartnerDirectory partners;

    DemoPledges(Ledger ledger, PartnerDirectory partners) {
        this.ledger = ledger;
        this.partners = partners;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (ledger.hasPledgesBy(BY)) {
            return;
        }
        UUID hn = DemoNetworks.HEILBRONN;
        UUID ems = DemoNetworks.EMS_ACHSE;
        pledge("Neckartal Präzisionstechnik GmbH", hn, Category.INTERNSHIP_PLACES, "4");
        pledge("Neckartal Präzisionstechnik GmbH", hn, Category.PROJECT_DAYS, "2");
        pledge("Handwerkskammer Heilbronn-Franken", hn, Category.EXPERTISE, "40");
        pledge("Gemeinschaftsschule am Wartberg", hn, Category.ROOMS_INFRASTRUCTURE, "1");
        pledge("Agentur für Arbeit Heilbronn", hn, Category.DATA, "1");
        pledge("Emsland Schiffbau & Anlagen AG", ems, Category.VACANCIES, "6");
        pledge("Emsland Schiffbau & Anlagen AG", ems, Category.INTERNSHIP_PLACES, "10");
        pledge("IHK für Ostfriesland und Papenburg", ems, Category.OUTREACH_CHANNELS, "3");
        pledge("Landkreis Emsland", ems, Category.FUNDING, "15000");
    }

    private void pledge(String partnerName, UUID network, Category category, String quantity) {
        Optional<UUID> partner = partners.idByName(partnerName);
        if (partner.isEmpty() || !partners.activeNetworks(partner.get()).contains(network)) {
            return;
        }
        ledger.pledge(partner.get(), network, category, new BigDecimal(quantity), LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 12, 31), BY);
    }
}
