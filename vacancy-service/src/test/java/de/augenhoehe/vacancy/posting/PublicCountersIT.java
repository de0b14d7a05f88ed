package de.augenhoehe.vacancy.posting;

import static de.augenhoehe.vacancy.posting.Http.hrClient;
import static de.augenhoehe.vacancy.posting.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue #15: views and application clicks are public (also on the service port, past the gateway's rate limits) and
 * counted every time, so anyone could inflate them. Now a visitor — address and user agent — counts once per window.
 * The gateway is somewhere else here, so this test client on loopback is a direct caller of the service port whose
 * X-Forwarded-For is not believed.
 */
@TestPropertySource(properties = "augenhoehe.vacancy.counters.trusted-proxies=192.0.2.1")
class PublicCountersIT extends CompanyApiTest {

    @Autowired VisitCounter counter;

    @Test
    void a_visitor_counts_once_per_window_and_a_forged_forwarded_for_makes_no_new_visitor() {
        UUID company = companies.active(network);
        String id = json(http.send("PUT", "/integration/v1/vacancies/V-1", hrClient(company), Samples.json(Samples.posting())))
                .get("posting").get("id").asString();

        for (int i = 0; i < 5; i++) {
            assertThat(view(id, "Firefox", "203.0.113." + i)).isEqualTo(200);
            assertThat(click(id, "Firefox", "203.0.113." + i)).isEqualTo(204);
        }
        assertThat(counts(id)).as("one visitor, however often and whatever X-Forwarded-For it invents").containsExactly(1L, 1L);

        view(id, "Safari", null);
        click(id, "Safari", null);
        assertThat(counts(id)).as("another user agent is another visitor").containsExactly(2L, 2L);

        jdbc.update("update posting_visit set counted_at = counted_at - interval '31 minutes' where posting_id = ?::uuid", id);
        view(id, "Firefox", null);
        assertThat(counts(id)).as("after the window the visitor counts again").containsExactly(3L, 2L);
        view(id, "Firefox", null);
        assertThat(counts(id)).containsExactly(3L, 2L);

        assertThat(jdbc.queryForObject("select count(*) from posting_visit where posting_id = ?::uuid and "
                + "(position(convert_to('127.0.0.1', 'UTF8') in visitor) > 0 or position(convert_to('Firefox', 'UTF8') in visitor) > 0)",
                Integer.class, id)).as("neither address nor user agent stored").isZero();
        assertThat(counter.cleanUp()).as("the visitors of the passed window (Safari's view and click, Firefox's click)").isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from posting_visit where posting_id = ?::uuid", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void a_click_on_a_posting_that_is_not_published_counts_nothing() {
        assertThat(click(UUID.randomUUID().toString(), "Firefox", null)).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from posting_visit", Integer.class)).isZero();
    }

    private int view(String id, String agent, String forwardedFor) {
        return send("GET", "/api/vacancies/" + id, agent, forwardedFor);
    }

    private int click(String id, String agent, String forwardedFor) {
        return send("POST", "/api/vacancies/" + id + "/application-click", agent, forwardedFor);
    }

    private int send(String method, String path, String agent, String forwardedFor) {
        return forwardedFor == null ? http.send(method, path, null, null, "User-Agent", agent).statusCode()
                : http.send(method, path, null, null, "User-Agent", agent, "X-Forwarded-For", forwardedFor).statusCode();
    }

    private List<Long> counts(String id) {
        return jdbc.queryForObject("select views, application_clicks from posting where id = ?::uuid",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2)), id);
    }
}
