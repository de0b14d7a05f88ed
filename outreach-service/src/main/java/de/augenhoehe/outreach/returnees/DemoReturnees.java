package de.augenhoehe.outreach.returnees;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.augenhoehe.outreach.campaigns.CampaignDirectory;
import de.augenhoehe.outreach.campaigns.CampaignDirectory.BatchRef;
import de.augenhoehe.outreach.returnees.ReturneeEvents.Origin;

/**
 * Demo data (demo mode only): fictional people who signed up through the Christmas campaign's door hangers — most
 * confirmed (and so matched to the demo vacancies), two still pending. Addresses are @example.org; nobody is real.
 */
@Component
@Order(3)
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoReturnees implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final CampaignDirectory campaigns;
    private final ReturneeEvents events;
    private final ApplicationEventPublisher local;
    private final TransactionTemplate tx;

    DemoReturnees(JdbcTemplate jdbc, CampaignDirectory campaigns, ReturneeEvents events, ApplicationEventPublisher local,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.events = events;
        this.local = local;
        this.tx = tx;
    }

    record Person(String first, String last, String area, String livesIn, String occupation, String interests, boolean confirmed) {
    }

    @Override
    public void run(ApplicationArguments args) {
        UUID campaign = CampaignDirectory.DEMO_CHRISTMAS_CAMPAIGN;
        tx.executeWithoutResult(status -> {
            if (jdbc.queryForObject("select count(*) from returnee where campaign_id = ?", Integer.class, campaign) > 0) {
                return;
            }
            Map<String, BatchRef> batches = new LinkedHashMap<>();
            campaigns.batches(campaign).forEach(b -> batches.put(b.area(), b));
            if (batches.isEmpty()) {
                return;
            }
            UUID network = campaigns.find(campaign).orElseThrow().networkId();
            for (Person p : List.of(
                    new Person("Insa", "Demo-Eilers", "Leer", "Hamburg", "24412", "{JOB,HOUSING}", true),
                    new Person("Hauke", "Demo-Ubben", "Papenburg", "Bremen", "24412", "{JOB,CHILDCARE,SCHOOLS}", true),
                    new Person("Wiebke", "Demo-Schulte", "Meppen", "Köln", "81302", "{JOB,RETURNEE_EVENTS}", true),
                    new Person("Tammo", "Demo-Brinkmann", "Nordhorn", "Osnabrück", "25212", "{APPRENTICESHIP}", true),
                    new Person("Gesa", "Demo-Hinrichs", "Leer", "Berlin", "73302", "{JOB}", false),
                    new Person("Okko", "Demo-Janssen", "Nordhorn", "Münster", "52122", "{JOB,HOUSING}", false))) {
                signUp(network, campaign, batches.get(p.area()), p);
            }
        });
    }

    private void signUp(UUID network, UUID campaign, BatchRef batch, Person p) {
        UUID id = UUID.nameUUIDFromBytes(("demo-returnee-" + p.first()).getBytes(StandardCharsets.UTF_8));
        jdbc.update("""
                insert into returnee (id, network_id, campaign_id, batch_id, status, first_name, last_name, email,
                    current_place, occupation, occupation_group, earliest_return, interests, management_hash, confirmation_hash,
                    confirmation_expires, confirmed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, now() + interval '48 hours', ?)""",
                id, network, campaign, batch.id(), p.confirmed() ? "CONFIRMED" : "PENDING", p.first(), p.last(),
                p.first().toLowerCase() + ".demo@example.org", p.livesIn(), p.occupation(), p.occupation().substring(0, 3),
                LocalDate.of(2027, 4, 1), p.interests(), Tokens.hash(Tokens.create()), Tokens.hash(Tokens.create()),
                p.confirmed() ? Timestamp.from(Instant.now()) : null);
        jdbc.update("insert into consent (id, returnee_id, purpose, text_version, given_at, source) values (?, ?, 'MATCHING', "
                + "'matching-2026-11', now(), ?)", UUID.randomUUID(), id, "landing-page:" + batch.code());
        Origin origin = new Origin(network, campaign, batch.id());
        events.signedUp(id, origin, p.occupation().substring(0, 3));
        if (p.confirmed()) {
            events.confirmed(id, origin, p.occupation().substring(0, 3));
            local.publishEvent(new Returnees.ProfileConfirmed(id));
        }
    }
}
