package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.json;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;

/** A partner's profile: address, industry and size for companies, contact persons that never leave the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
@ExtendWith(OutputCaptureExtension.class)
class PartnerProfileIT {

    static final String CONTACT = "{\"name\":\"Erika Geheim\",\"businessRole\":\"Ausbildungsleitung\",\"email\":\"erika.geheim@example.org\",\"phone\":\"+49 7131 55501\"}";
    static final String ADDRESS = "{\"street\":\"Weipertstraße 8\",\"postalCode\":\"74076\",\"city\":\"Heilbronn\",\"kreis\":\"08121\"}";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    Api api() {
        return new Api(port);
    }

    UUID register(String body) {
        var r = api().send("POST", "/api/partners", Api.coordinator("coordinator-9"), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.id(r);
    }

    String profile(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"address\":" + ADDRESS + ",\"contacts\":[" + CONTACT + "]" + extra + "}";
    }

    @Test
    void a_company_has_address_industry_size_and_contacts_that_only_its_own_people_see() {
        UUID id = register("{\"name\":\"Kocher Metall GmbH\",\"kind\":\"COMPANY\",\"address\":" + ADDRESS + ",\"contacts\":[" + CONTACT
                + "],\"industry\":{\"section\":\"C\",\"division\":\"25\"},\"sizeClass\":\"SMALL\"}");
        var anonymous = json(api().send("GET", "/api/partners/" + id, null, null));
        assertThat(anonymous.get("address").get("city").asString()).isEqualTo("Heilbronn");
        assertThat(anonymous.get("industry").get("division").asString()).isEqualTo("25");
        assertThat(anonymous.get("sizeClass").asString()).isEqualTo("SMALL");
        assertThat(anonymous.has("contacts")).isFalse();
        assertThat(api().send("GET", "/api/partners/" + id, partnerAdmin("other", UUID.randomUUID()), null).body()).doesNotContain("Erika");
        assertThat(api().send("GET", "/api/partners/" + id, Api.coordinator("c"), null).body()).doesNotContain("Erika");
        var own = json(api().send("GET", "/api/partners/" + id, TestTokens.subject("staff").roles("partner_staff").partner(id).sign(), null));
        assertThat(own.get("contacts").get(0).get("email").asString()).isEqualTo("erika.geheim@example.org");
    }

    @Test
    void its_administrator_changes_the_profile_and_the_network_hears_of_it_without_personal_data() {
        UUID id = register("{\"name\":\"Unterland Logistik GmbH\",\"kind\":\"COMPANY\"}");
        var changed = api().sendIfMatch("PUT", "/api/partners/" + id, partnerAdmin("admin-1", id), "\"0\"",
                profile("Unterland Logistik GmbH & Co. KG", ",\"industry\":{\"section\":\"H\",\"division\":\"52\"},\"sizeClass\":\"MEDIUM\""));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(changed).get("contacts").size()).isEqualTo(1);
        var stale = api().sendIfMatch("PUT", "/api/partners/" + id, partnerAdmin("admin-1", id), "\"0\"", profile("Alt", ""));
        assertThat(stale.statusCode()).isEqualTo(412);

        var events = Api.events(id.toString(), 2);
        assertThat(Api.types(events)).containsExactly("augenhoehe.partner.registered.v1", "augenhoehe.partner.updated.v1");
        assertThat(Api.map(events.get(1))).containsEntry("name", "Unterland Logistik GmbH & Co. KG").containsEntry("kreis", "08121")
                .containsEntry("industrySection", "H").containsEntry("sizeClass", "MEDIUM");
        String data = new String(events.get(1).value());
        assertThat(data).doesNotContain("Erika").doesNotContain("example.org").doesNotContain("55501").doesNotContain("admin-1");
    }

    @Test
    void only_the_partners_own_administrator_changes_it() {
        UUID id = register("{\"name\":\"Schule am Fluss\",\"kind\":\"SCHOOL\"}");
        String path = "/api/partners/" + id;
        String body = profile("Gekapert", "");
        assertThat(api().sendIfMatch("PUT", path, partnerAdmin("foreign", UUID.randomUUID()), "\"0\"", body).statusCode()).isEqualTo(403);
        assertThat(api().sendIfMatch("PUT", path, TestTokens.subject("staff").roles("partner_staff").partner(id).sign(), "\"0\"", body)
                .statusCode()).isEqualTo(403);
        assertThat(api().sendIfMatch("PUT", path, Api.coordinator("stranger", UUID.randomUUID()), "\"0\"", body).statusCode()).isEqualTo(403);
        assertThat(api().send("PUT", path, null, body).statusCode()).isEqualTo(401);
        UUID unknown = UUID.randomUUID();
        assertThat(api().sendIfMatch("PUT", "/api/partners/" + unknown, partnerAdmin("a", unknown), "\"0\"", body).statusCode()).isEqualTo(404);
        assertThat(json(api().send("GET", path, null, null)).get("name").asString()).isEqualTo("Schule am Fluss");
        assertThat(jdbc.queryForObject("select count(*) from partner_contact where partner_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void bad_profiles_are_refused_and_nothing_is_half_written() {
        UUID school = register("{\"name\":\"Berufsschule Test\",\"kind\":\"VOCATIONAL_SCHOOL\"}");
        int partners = count("select count(*) from partner");
        int events = count("select count(*) from outbox_event");
        String c = Api.coordinator("c");
        for (String bad : new String[] {
                "{\"name\":\"Schule X\",\"kind\":\"SCHOOL\",\"sizeClass\":\"SMALL\"}",
                "{\"name\":\"Schule X\",\"kind\":\"SCHOOL\",\"industry\":{\"section\":\"P\"}}",
                "{\"name\":\"Firma X\",\"kind\":\"COMPANY\",\"industry\":{\"section\":\"C\",\"division\":\"45\"}}",
                "{\"name\":\"Firma X\",\"kind\":\"COMPANY\",\"industry\":{\"section\":\"V\"}}",
                "{\"name\":\"Firma X\",\"kind\":\"COMPANY\",\"address\":{\"postalCode\":\"7407\",\"city\":\"Heilbronn\"}}",
                "{\"name\":\"Firma X\",\"kind\":\"COMPANY\",\"address\":{\"postalCode\":\"74076\",\"city\":\"Heilbronn\",\"kreis\":\"18121\"}}",
                "{\"name\":\"Firma X\",\"kind\":\"COMPANY\",\"contacts\":[{\"name\":\"A\",\"businessRole\":\"HR\",\"email\":\"not-an-email\"}]}",
                "{\"name\":\"Firma X\",\"kind\":\"COMPANY\",\"contacts\":[{\"name\":\"A\",\"businessRole\":\"HR\",\"email\":\"a@b.de\",\"phone\":\"call me\"}]}"}) {
            var r = api().send("POST", "/api/partners", c, bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).contains("urn:augenhoehe:problem:validation-failed").doesNotContain("a@b.de");
        }
        for (String malformed : new String[] {
                "{\"name\":\"Firma X\",\"kind\":\"COMPANY\",\"sizeClass\":\"GIANT\"}",
                "{\"name\":\"Firma X\",\"kind\":\"COMPANY\",\"address\":{\"postalCode\":\"74076\",\"city\":\"H\",\"floor\":3}}",
                "{\"name\":\"Firma X\",\"kind\":"}) {
            var r = api().send("POST", "/api/partners", c, malformed);
            assertThat(r.statusCode()).as(malformed).isEqualTo(400);
            assertThat(r.body()).contains("urn:augenhoehe:problem:malformed-request");
        }
        var companyFieldsOnSchool = api().sendIfMatch("PUT", "/api/partners/" + school, partnerAdmin("a", school), "\"0\"",
                profile("Berufsschule Test", ",\"sizeClass\":\"LARGE\""));
        assertThat(companyFieldsOnSchool.statusCode()).isEqualTo(400);
        assertThat(count("select count(*) from partner")).isEqualTo(partners);
        assertThat(count("select count(*) from partner_contact")).isZero();
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
        assertThat(json(api().send("GET", "/api/partners/" + school, null, null)).has("address")).isFalse();
    }

    /**
     * Issue #17: a company's public web presence and business address (not personal data) are part of its profile and
     * of the events, so job postings can name its website, logo and street; only https addresses are taken.
     */
    @Test
    void a_companys_website_logo_and_street_are_public_and_travel_with_its_events() throws Exception {
        UUID id = register("{\"name\":\"Sulmtal Antriebe GmbH\",\"kind\":\"COMPANY\",\"address\":" + ADDRESS
                + ",\"contacts\":[" + CONTACT + "],\"website\":\"https://www.sulmtal.example\",\"logoUrl\":\"https://www.sulmtal.example/logo.png\"}");
        var anonymous = json(api().send("GET", "/api/partners/" + id, null, null));
        assertThat(anonymous.get("website").asString()).isEqualTo("https://www.sulmtal.example");
        assertThat(anonymous.get("logoUrl").asString()).isEqualTo("https://www.sulmtal.example/logo.png");
        assertThat(anonymous.get("address").get("street").asString()).isEqualTo("Weipertstraße 8");

        var changed = api().sendIfMatch("PUT", "/api/partners/" + id, partnerAdmin("admin-1", id), "\"0\"",
                profile("Sulmtal Antriebe GmbH", ",\"website\":\"https://sulmtal-antriebe.example/\""));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("website").asString()).isEqualTo("https://sulmtal-antriebe.example/");
        assertThat(json(changed).has("logoUrl")).as("left out: removed").isFalse();

        var events = Api.events(id.toString(), 2);
        assertThat(Api.map(events.get(0))).containsEntry("street", "Weipertstraße 8").containsEntry("postalCode", "74076")
                .containsEntry("city", "Heilbronn").containsEntry("website", "https://www.sulmtal.example")
                .containsEntry("logoUrl", "https://www.sulmtal.example/logo.png");
        assertThat(Api.map(events.get(1))).containsEntry("street", "Weipertstraße 8")
                .containsEntry("website", "https://sulmtal-antriebe.example/").doesNotContainKey("logoUrl");
        java.nio.file.Path schemas = java.nio.file.Path.of("src/main/resources/contracts/events");
        LedgerIT.assertConforms(schemas, "augenhoehe.partner.registered.v1", new String(events.get(0).value()));
        LedgerIT.assertConforms(schemas, "augenhoehe.partner.updated.v1", new String(events.get(1).value()));
        for (var event : events) {
            assertThat(new String(event.value())).doesNotContain("Erika").doesNotContain("example.org").doesNotContain("55501");
        }
    }

    @Test
    void a_website_or_logo_that_is_not_https_is_refused_and_nothing_is_written() {
        int partners = count("select count(*) from partner");
        int events = count("select count(*) from outbox_event");
        for (String bad : new String[] {"http://www.firma.example", "javascript:alert(1)", "https://", "https://firma.example/a b",
                "https://firma.example/\\\"><script>", "www.firma.example", "https://firma.example/" + "a".repeat(480)}) {
            for (String field : new String[] {"website", "logoUrl"}) {
                String body = "{\"name\":\"Firma Y\",\"kind\":\"COMPANY\",\"" + field + "\":" + Api.JSON.writeValueAsString(bad) + "}";
                var r = api().send("POST", "/api/partners", Api.coordinator("c"), body);
                assertThat(r.statusCode()).as(body).isEqualTo(400);
                assertThat(r.body()).as(body).contains("urn:augenhoehe:problem:validation-failed");
            }
        }
        assertThat(count("select count(*) from partner")).isEqualTo(partners);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
    }

    /** Contact persons are personal data: whatever happens to them, they do not reach the logs (ours or the database's). */
    @Test
    void contact_persons_never_reach_the_logs(CapturedOutput output) {
        UUID id = register("{\"name\":\"Loggingfrei GmbH\",\"kind\":\"COMPANY\",\"contacts\":[" + CONTACT + "]}");
        api().send("GET", "/api/partners/" + id, partnerAdmin("a", id), null);
        api().sendIfMatch("PUT", "/api/partners/" + id, partnerAdmin("a", id), "\"0\"", profile("Loggingfrei GmbH", ""));
        api().sendIfMatch("PUT", "/api/partners/" + id, partnerAdmin("a", id), "\"0\"", profile("Loggingfrei GmbH", "")); // stale
        api().send("POST", "/api/partners", Api.coordinator("c"), "{\"name\":\"Loggingfrei GmbH\",\"kind\":\"COMPANY\",\"contacts\":["
                + CONTACT + "]}"); // duplicate
        api().send("POST", "/api/partners", Api.coordinator("c"), "{\"name\":\"X\",\"kind\":\"COMPANY\",\"contacts\":["
                + CONTACT.replace("+49", "+49 abc") + "]}"); // invalid phone
        Api.events(id.toString(), 2);
        assertThat(output.getAll()).doesNotContain("Erika Geheim").doesNotContain("erika.geheim@example.org").doesNotContain("7131 55501");
    }

    int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
