package de.augenhoehe.vacancy.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import de.augenhoehe.testing.RealInfrastructure;

/** Demo mode: a company activated in a demo network gets its region's postings, every type, published once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.demo.enabled=true")
@RealInfrastructure(isolatedDatabase = true)
class DemoPostingsIT {

    @LocalServerPort int port;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired JdbcTemplate jdbc;

    @Test
    void demo_companies_of_both_regions_get_postings_of_every_type() {
        Companies companies = new Companies(kafka, jdbc);
        UUID heilbronn = companies.active(DemoPostings.HEILBRONN);
        UUID ems = companies.active(DemoPostings.EMS_ACHSE);
        UUID elsewhere = companies.active(UUID.randomUUID());
        for (UUID company : new UUID[] {heilbronn, ems}) {
            assertThat(jdbc.queryForObject("select count(distinct type) from posting where employer_id = ? and status = 'PUBLISHED'",
                    Integer.class, company)).isEqualTo(6);
        }
        assertThat(jdbc.queryForList("select distinct left(kreis, 2) from posting where employer_id = ?", String.class, heilbronn))
                .containsExactly("08");
        assertThat(jdbc.queryForList("select distinct left(kreis, 2) from posting where employer_id = ?", String.class, ems))
                .containsExactly("03");
        assertThat(jdbc.queryForObject("select count(*) from posting where employer_id = ?", Integer.class, elsewhere)).isZero();
        int before = jdbc.queryForObject("select count(*) from posting", Integer.class);
        companies.step(heilbronn, DemoPostings.HEILBRONN, "membership-suspended", "SUSPENDED", 3);
        companies.step(heilbronn, DemoPostings.HEILBRONN, "membership-activated", "ACTIVE", 4);
        assertThat(jdbc.queryForObject("select count(*) from posting", Integer.class)).as("once per company").isEqualTo(before);
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_event o join posting p on o.event_key = p.id::text
                where o.event_type = 'augenhoehe.vacancy.published.v1'""", Integer.class)).isEqualTo(before);
        String id = jdbc.queryForObject("select id::text from posting where employer_id = ? limit 1", String.class, ems);
        assertThat(new Http(port).send("GET", "/api/vacancies/" + id, null, null).statusCode()).isEqualTo(200);
    }
}
