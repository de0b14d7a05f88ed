package de.augenhoehe.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;

/** Demo mode: once partner-service's demo partners are known as active members, the three demo measures appear. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.demo.enabled=true")
@RealInfrastructure(isolatedDatabase = true)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoMeasuresIT {

    static final UUID HEILBRONN = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000001");
    static final UUID EMS_ACHSE = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000002");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    @Test
    void the_demo_measures_appear_with_registrations_once_their_hosts_are_known_members() {
        assertThat(count("select count(*) from measure")).isZero(); // no hosts known yet: nothing is made up
        Partners partners = new Partners(kafka, jdbc);
        partners.activeMember(HEILBRONN, "Handwerkskammer Heilbronn-Franken", "CHAMBER_OF_CRAFTS");
        partners.activeMember(HEILBRONN, "Agentur für Arbeit Heilbronn", "EMPLOYMENT_AGENCY");
        partners.activeMember(HEILBRONN, "Gemeinschaftsschule am Wartberg", "SCHOOL");
        partners.activeMember(HEILBRONN, "Neckartal Präzisionstechnik GmbH", "COMPANY");
        partners.activeMember(HEILBRONN, "Südwestmetall Bezirksgruppe Heilbronn", "EMPLOYERS_ASSOCIATION");
        partners.activeMember(HEILBRONN, "Caritas-Beratungsstelle Heilbronn", "CHARITY");
        partners.activeMember(EMS_ACHSE, "Emsland Schiffbau & Anlagen AG", "COMPANY");
        partners.activeMember(EMS_ACHSE, "IHK für Ostfriesland und Papenburg", "CHAMBER_OF_COMMERCE");
        partners.activeMember(EMS_ACHSE, "Landkreis Emsland", "DISTRICT");

        Eventually.await("three demo measures with registrations", Duration.ofSeconds(60),
                () -> count("select count(*) from measure where status = 'OPEN'") == 3
                        && count("select count(*) from registration") == 8);
        var catalogue = new TestHttp(port).get("/api/measures?network=" + HEILBRONN);
        assertThat(catalogue.body()).contains("Techniktag mit der Handwerkskammer").contains("Fachsprache Technik für Auszubildende im Verbund")
                .doesNotContain("Projekttage");
        assertThat(new TestHttp(port).get("/api/measures?network=" + EMS_ACHSE + "&type=PROJECT_DAY").body()).contains("Projekttage Ems-Achse");
        assertThat(count("select confirmed_places from measure where title = 'Techniktag mit der Handwerkskammer'")).isEqualTo(47);
        assertThat(count("select count(*) from measure_session")).isEqualTo(7);
        // the events went out like any measure's
        Eventually.await("published events relayed", Duration.ofSeconds(30), () -> count(
                "select count(*) from outbox_relayed where event_type = 'augenhoehe.measures.measure-published.v1'") == 3);
    }

    int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
