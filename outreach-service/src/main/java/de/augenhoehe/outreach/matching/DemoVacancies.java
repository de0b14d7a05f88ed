package de.augenhoehe.outreach.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo data (demo mode only): three Ems-Achse vacancies in the projection, so the demo returnees have matches.
 * They keep this service's demo complete on its own; vacancy-service's demo postings arrive as events besides them
 * (own ids, projected like any other vacancy). Inserted only if absent.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoVacancies implements ApplicationRunner {

    static final UUID SHIPYARD = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000411");

    private final JdbcTemplate jdbc;

    DemoVacancies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        vacancy("0d3e4a52-7c1b-4f0e-9a61-000000000401", "JOB", "24412", "26871", 53.0770, 7.4039);        // welder, Papenburg
        vacancy("0d3e4a52-7c1b-4f0e-9a61-000000000402", "JOB", "81302", "49716", 52.6906, 7.2910);        // nurse, Meppen
        vacancy("0d3e4a52-7c1b-4f0e-9a61-000000000403", "APPRENTICESHIP", "25212", "48529", 52.4351, 7.0681); // mechatronics, Nordhorn
    }

    private void vacancy(String id, String type, String kldb, String postalCode, double lat, double lon) {
        jdbc.update("""
                insert into vacancy (id, employer_id, network_ids, type, kldb, occupation_group, postal_code, latitude,
                    longitude, start_date, valid_through, open, occurred_at)
                values (?::uuid, ?, '{0d3e4a52-7c1b-4f0e-9a61-000000000002}', ?, ?, ?, ?, ?, ?, null, ?, true, ?)
                on conflict (id) do nothing""", id, SHIPYARD, type, kldb, kldb.substring(0, 3), postalCode, lat, lon,
                LocalDate.of(2027, 12, 31), Timestamp.from(Instant.parse("2026-11-01T00:00:00Z")));
    }
}
