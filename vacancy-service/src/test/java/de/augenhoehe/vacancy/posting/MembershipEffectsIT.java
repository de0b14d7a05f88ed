package de.augenhoehe.vacancy.posting;

import static de.augenhoehe.vacancy.posting.Http.hrClient;
import static de.augenhoehe.vacancy.posting.Http.json;
import static de.augenhoehe.vacancy.posting.Http.staff;
import static de.augenhoehe.vacancy.posting.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The README's table "What a membership means for postings", through partner-events as partner-service sends them. */
class MembershipEffectsIT extends CompanyApiTest {

    @Test
    void suspended_keeps_postings_online_but_refuses_writes_and_the_last_membership_ended_withdraws_them() {
        UUID company = companies.active(network);
        String a = published(company), b = published(company), c = published(company);
        String draft = json(http.send("POST", "/api/vacancies", staff(company), json(Samples.posting()))).get("id").asString();

        companies.step(company, network, "membership-suspended", "SUSPENDED", 3);
        var create = http.send("POST", "/api/vacancies", staff(company), json(Samples.posting()));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(json(create).get("type").asString()).isEqualTo("urn:augenhoehe:problem:not-an-active-member");
        assertThat(http.send("PUT", "/api/vacancies/" + a, staff(company), json(Samples.with("openings", 4)), "If-Match", "\"1\"").statusCode())
                .as("changes refused").isEqualTo(403);
        assertThat(http.send("POST", "/api/vacancies/" + draft + "/publish", staff(company), null).statusCode()).isEqualTo(403);
        assertThat(http.send("PUT", "/integration/v1/vacancies/S-1", hrClient(company), json(Samples.posting())).statusCode()).isEqualTo(403);
        assertThat(http.send("GET", "/api/vacancies/" + a, null, null).statusCode()).as("still online").isEqualTo(200);
        assertThat(http.send("POST", "/api/vacancies/" + b + "/fill", staff(company), null).statusCode()).as("filling stays allowed").isEqualTo(200);
        assertThat(http.send("POST", "/api/vacancies/" + c + "/withdraw", staff(company), null).statusCode()).as("withdrawing too").isEqualTo(200);

        companies.step(company, network, "membership-activated", "ACTIVE", 4);
        assertThat(http.send("PUT", "/api/vacancies/" + a, staff(company), json(Samples.with("openings", 4)), "If-Match", "\"1\"").statusCode())
                .as("active again: may change").isEqualTo(200);

        companies.step(company, network, "membership-ended", "ENDED", 5);
        assertThat(status(a)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForObject("select close_detail from posting where id = ?::uuid", String.class, a)).isEqualTo("membership ended");
        assertThat(jdbc.queryForObject("select closed_at from posting where id = ?::uuid", Timestamp.class, a).toInstant())
                .as("at the date of the ending step").isEqualTo(Companies.at(5));
        String closed = jdbc.queryForObject("select payload from outbox_event where event_key = ? and event_type = 'augenhoehe.vacancy.closed.v1'",
                String.class, a);
        assertThat(Http.JSON.readTree(closed).get("detail").asString()).isEqualTo("membership ended");
        assertThat(status(b)).as("already filled: stays filled").isEqualTo("FILLED");
        assertThat(status(draft)).as("drafts are kept").isEqualTo("DRAFT");
        assertThat(http.send("GET", "/api/vacancies/" + a, null, null).statusCode()).as("withdrawn after publication: gone").isEqualTo(410);

        companies.step(company, network, "membership-applied", "APPLIED", 6);
        companies.step(company, network, "membership-activated", "ACTIVE", 7);
        assertThat(http.send("POST", "/api/vacancies/" + draft + "/publish", staff(company), null).statusCode())
                .as("the kept draft is published after a new membership").isEqualTo(200);
    }

    @Test
    void an_ending_membership_while_another_network_is_open_takes_nothing_offline() {
        UUID other = UUID.randomUUID();
        UUID company = companies.active(network);
        companies.step(company, other, "membership-applied", "APPLIED", 1);
        companies.step(company, other, "membership-activated", "ACTIVE", 2);
        companies.step(company, other, "membership-suspended", "SUSPENDED", 3);
        String a = published(company);
        companies.step(company, network, "membership-ended", "ENDED", 4);
        assertThat(status(a)).as("suspended in the other network: still a member").isEqualTo("PUBLISHED");
        companies.step(company, other, "membership-ended", "ENDED", 5);
        assertThat(status(a)).as("the last one ended").isEqualTo("WITHDRAWN");
    }

    @Test
    void a_stale_ending_step_takes_nothing_offline() {
        UUID company = companies.active(network);
        companies.step(company, network, "membership-suspended", "SUSPENDED", 3);
        companies.step(company, network, "membership-activated", "ACTIVE", 5);
        String a = published(company);
        companies.step(company, network, "membership-ended", "ENDED", 4); // older than the stored step
        assertThat(status(a)).isEqualTo("PUBLISHED");
        assertThat(jdbc.queryForObject("select status from employer_membership where partner_id = ?", String.class, company)).isEqualTo("ACTIVE");
    }

    String published(UUID company) {
        String id = json(http.send("POST", "/api/vacancies", staff(company), json(Samples.posting()))).get("id").asString();
        assertThat(http.send("POST", "/api/vacancies/" + id + "/publish", staff(company), null).statusCode()).isEqualTo(200);
        return id;
    }

    String status(String id) {
        return jdbc.queryForObject("select status from posting where id = ?::uuid", String.class, id);
    }

    List<String> events(String id) {
        return jdbc.queryForList("select event_type from outbox_event where event_key = ? order by position", String.class, id);
    }
}
