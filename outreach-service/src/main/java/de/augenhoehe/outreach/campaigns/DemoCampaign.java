package de.augenhoehe.outreach.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.augenhoehe.outreach.landing.TrackingCodes;

/**
 * Demo data (demo mode only): the Ems-Achse's Christmas returnee campaign — 5,000 door hangers in four batches for
 * Leer, Papenburg, Meppen and Nordhorn, distributed by volunteers, with scans. Runs once (fixed campaign id).
 */
@Component
@Order(2)
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoCampaign implements ApplicationRunner {

    static final UUID EMS_ACHSE = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000002");

    private final JdbcTemplate jdbc;
    private final TrackingCodes codes;
    private final CampaignStore store;
    private final CampaignEvents events;
    private final TransactionTemplate tx;

    DemoCampaign(JdbcTemplate jdbc, TrackingCodes codes, CampaignStore store, CampaignEvents events, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.store = store;
        this.events = events;
        this.tx = tx;
    }

    record DemoBatch(String area, String postalCode, int quantity, int distributed, int scans) {
    }

    @Override
    public void run(ApplicationArguments args) {
        UUID id = CampaignDirectory.DEMO_CHRISTMAS_CAMPAIGN;
        tx.executeWithoutResult(status -> {
            if (jdbc.queryForObject("select count(*) from campaign where id = ?", Integer.class, id) > 0) {
                return;
            }
            jdbc.update("""
                    insert into campaign (id, network_id, title, goal_text, goal_target, rationale_text, monitor_finding,
                        audience, channels, target_areas, period_from, period_to, partner_ids, budget_eur, status)
                    values (?, ?, 'Weihnachts-Rückkehraktion Ems-Achse', '50 Rückkehrerinnen und Rückkehrer in zwei Jahren', 50,
                        'Die Bevölkerung im erwerbsfähigen Alter schrumpft; über Weihnachten sind viele Ehemalige bei ihren Eltern zu Besuch.',
                        null, 'Ehemalige aus der Region, die über die Feiertage zu Hause sind', '{DOOR_HANGER,POSTCARD}',
                        '{26789,26871,49716,48529}', ?, ?, '{}', 4800.00, 'ACTIVE')""",
                    id, EMS_ACHSE, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 15));
            events.launched(store.load(id));
            for (DemoBatch b : List.of(new DemoBatch("Leer", "26789", 1500, 1500, 61),
                    new DemoBatch("Papenburg", "26871", 1250, 1200, 44),
                    new DemoBatch("Meppen", "49716", 1250, 1100, 38),
                    new DemoBatch("Nordhorn", "48529", 1000, 900, 27))) {
                UUID batch = UUID.nameUUIDFromBytes(("demo-batch-" + b.area()).getBytes(StandardCharsets.UTF_8));
                String code = codes.issue(id, batch, EMS_ACHSE);
                jdbc.update("insert into material_batch (id, campaign_id, quantity, channel, area, code, distributed) "
                        + "values (?, ?, ?, 'DOOR_HANGER', ?, ?, ?)", batch, id, b.quantity(), b.area(), code, b.distributed());
                jdbc.update("insert into distribution (id, batch_id, volunteer, postal_codes, distributed_on, quantity) "
                        + "values (?, ?, ?, ?::text[], ?, ?)", UUID.randomUUID(), batch, "Ehrenamtsteam " + b.area(),
                        "{" + b.postalCode() + "}", LocalDate.of(2026, 11, 21), b.distributed());
                jdbc.update("update tracking_code set scans = ? where code = ?", b.scans(), code);
            }
        });
    }
}
