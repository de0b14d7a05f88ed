package de.augenhoehe.measures;

import static de.augenhoehe.measures.Registering.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TopicRecords;

/**
 * Without a mail server nobody could ever confirm or cancel a registration (the secret goes by mail only): it is
 * withdrawn at once, the answer says so, and the same Idempotency-Key may try again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.mail.port=1") // nothing listens there
@RealInfrastructure(isolatedDatabase = true)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@MailboxContexts.NotUsed
class RegistrationMailOutageIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void without_its_mail_a_registration_is_withdrawn_its_places_freed_and_its_key_free_for_a_retry() {
        UUID measure = Registering.openMeasure(jdbc, 2);
        var refused = new Registering(port).register(body(measure, "Ohne Post", "post@example.org", null, 2), "outage-" + measure);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.body()).contains("urn:augenhoehe:problem:mail-unavailable");
        assertThat(jdbc.queryForMap("select status, cancelled_by from registration where measure_id = ?", measure))
                .containsEntry("status", "CANCELLED").containsEntry("cancelled_by", "MAIL_FAILED");
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from registration_idempotency where idempotency_key = ?", Integer.class,
                "outage-" + measure)).isZero();
        assertThat(Registering.events(measure, 2)).extracting(e -> TopicRecords.header(e, "ce_type")).containsExactly(
                "augenhoehe.measures.registration-confirmed.v1", "augenhoehe.measures.registration-cancelled.v1");
    }
}
