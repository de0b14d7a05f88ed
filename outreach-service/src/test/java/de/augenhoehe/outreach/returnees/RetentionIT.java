package de.augenhoehe.outreach.returnees;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.augenhoehe.outreach.MailLinks;
import de.augenhoehe.outreach.Returnee;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;

/** Retention: unconfirmed sign-ups go after 30 days, inactive profiles after the configured period; others stay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.outreach.retention.inactive=P365D")
@RealInfrastructure(isolatedDatabase = true)
class RetentionIT {

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        MailLinks.register(registry);
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired Erasure erasure;

    @Test
    void old_unconfirmed_and_long_inactive_profiles_are_erased_the_rest_stays() {
        UUID network = UUID.randomUUID();
        String coordinator = TestTokens.subject("k").roles("coordinator").networks(List.of(network)).sign();
        var fixtures = new Returnee(new TestHttp(port));
        var campaign = fixtures.campaign(network, coordinator, "Meppen");
        String[] emails = new String[4];
        for (int i = 0; i < 4; i++) {
            emails[i] = "ret" + i + "." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        }
        fixtures.post(Returnee.signUp("Alt", "Unbestaetigt", emails[0], campaign.code(), "24412", "\"JOB\"", List.of("MATCHING")));
        fixtures.post(Returnee.signUp("Neu", "Unbestaetigt", emails[1], campaign.code(), "24412", "\"JOB\"", List.of("MATCHING")));
        fixtures.signUpAndConfirm(Returnee.signUp("Lange", "Inaktiv", emails[2], campaign.code(), "24412", "\"JOB\"", List.of("MATCHING")), emails[2]);
        fixtures.signUpAndConfirm(Returnee.signUp("Kurz", "Aktiv", emails[3], campaign.code(), "24412", "\"JOB\"", List.of("MATCHING")), emails[3]);
        jdbc.update("update returnee set signed_up_at = now() - interval '31 days' where email = ?", emails[0]);
        jdbc.update("update returnee set signed_up_at = now() - interval '29 days' where email = ?", emails[1]);
        jdbc.update("update returnee set last_activity_at = now() - interval '366 days' where email = ?", emails[2]);
        jdbc.update("update returnee set last_activity_at = now() - interval '364 days' where email = ?", emails[3]);

        assertThat(erasure.applyRetention()).isEqualTo(2);
        assertThat(jdbc.queryForList("select coalesce(email, erasure_reason) from returnee where campaign_id = ?::uuid order by signed_up_at",
                String.class, campaign.id())).containsExactlyInAnyOrder("UNCONFIRMED", emails[1], "INACTIVE", emails[3]);
        assertThat(erasure.applyRetention()).isZero();
    }
}
