package de.augenhoehe.vacancy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.platform.events.CloudEventHeaders;
import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.RealInfrastructure;

/** A published posting as schema.org JobPosting with Accept: application/ld+json; nothing for drafts or closed ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class JobPostingJsonLdIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    @Test
    void a_published_posting_has_google_for_jobs_required_and_recommended_properties() throws Exception {
        UUID employer = UUID.randomUUID();
        jdbc.update("insert into employer (partner_id, name, kind, known_since, last_event) values (?, 'Emsland Werft GmbH', 'COMPANY', ?, 'test')",
                employer, Timestamp.from(Instant.now()));
        TestPostings postings = new TestPostings(jdbc);
        UUID id = postings.posting("Schiffbauer/in").description("Stahlbau im Trockendock.\nSchichtarbeit.\n\nGehalt < 3.000 € & Zuschläge").kldb("25242").employer(employer)
                .at("26789", "Leer (Ostfriesland)", "03457", TestPostings.LEER).fixedTerm(true).salary(18, 24, "HOUR")
                .startDate(LocalDate.of(2027, 2, 1)).validThrough(LocalDate.of(2027, 3, 31)).germanLevel("B1")
                .publishedAt(Instant.parse("2026-11-20T09:30:00Z")).insert();

        HttpResponse<String> response = get(id, "application/ld+json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
        JsonNode ld = JsonMapper.builder().build().readTree(response.body());
        assertThat(ld.get("@context").asString()).isEqualTo("https://schema.org/");
        assertThat(ld.get("@type").asString()).isEqualTo("JobPosting");
        assertThat(ld.get("title").asString()).isEqualTo("Schiffbauer/in");
        // HTML Google can show: paragraphs and line breaks, the plain text escaped
        assertThat(ld.get("description").asString())
                .isEqualTo("<p>Stahlbau im Trockendock.<br>Schichtarbeit.</p><p>Gehalt &lt; 3.000 € &amp; Zuschläge</p>");
        // the portal's page of the posting at the platform's public address, not the API path
        assertThat(ld.get("url").asString()).isEqualTo("http://127.0.0.1:8080/stellen/" + id);
        assertThat(ld.get("datePosted").asString()).isEqualTo("2026-11-20");
        assertThat(ld.get("validThrough").asString()).isEqualTo("2027-03-31T23:59:59+02:00");
        assertThat(ld.get("hiringOrganization").get("name").asString()).isEqualTo("Emsland Werft GmbH");
        assertThat(ld.get("jobLocation").get("address").get("postalCode").asString()).isEqualTo("26789");
        assertThat(ld.get("jobLocation").get("address").get("addressLocality").asString()).isEqualTo("Leer (Ostfriesland)");
        assertThat(ld.get("jobLocation").get("address").get("addressRegion").asString()).isEqualTo("Landkreis Leer");
        assertThat(ld.get("jobLocation").get("address").get("addressCountry").asString()).isEqualTo("DE");
        assertThat(ld.get("jobLocation").get("geo").get("latitude").asDouble()).isEqualTo(53.2348);
        assertThat(ld.get("employmentType").toString()).isEqualTo("[\"FULL_TIME\",\"TEMPORARY\"]");
        assertThat(ld.get("baseSalary").get("currency").asString()).isEqualTo("EUR");
        assertThat(ld.get("baseSalary").get("value").get("minValue").asInt()).isEqualTo(18);
        assertThat(ld.get("baseSalary").get("value").get("maxValue").asInt()).isEqualTo(24);
        assertThat(ld.get("baseSalary").get("value").get("unitText").asString()).isEqualTo("HOUR");
        assertThat(ld.get("identifier").get("value").asString()).isEqualTo(id.toString());
        assertThat(ld.get("directApply").asBoolean()).isFalse();
        assertThat(ld.get("jobStartDate").asString()).isEqualTo("2027-02-01");
        assertThat(ld.has("jobLocationType")).as("not remote").isFalse();

        // the plain JSON of the same path stays the default (the posting feature's representation)
        for (String accept : new String[] {"application/json", "*/*"}) {
            HttpResponse<String> json = get(id, accept);
            assertThat(json.statusCode()).as(accept).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type").orElseThrow()).as(accept).startsWith("application/json");
        }
    }

    @Test
    void remote_work_internships_and_unpublished_postings() throws Exception {
        TestPostings postings = new TestPostings(jdbc);
        UUID remote = postings.posting("Entwickler/in (remote)").kldb("26312").remoteShare(100).workingTime("PART_TIME").insert();
        JsonNode ld = JsonMapper.builder().build().readTree(get(remote, "application/ld+json").body());
        assertThat(ld.get("jobLocationType").asString()).isEqualTo("TELECOMMUTE");
        assertThat(ld.get("applicantLocationRequirements").get("name").asString()).isEqualTo("DE");
        assertThat(ld.get("employmentType").toString()).isEqualTo("[\"PART_TIME\"]");
        assertThat(ld.has("baseSalary")).isFalse();

        UUID internship = postings.posting("Praktikum Mechatronik").type("INTERNSHIP").fixedTerm(true).insert();
        assertThat(get(internship, "application/ld+json").body()).contains("\"employmentType\":[\"INTERN\"]");
        // a fixed-term project day is TEMPORARY as well, as the README promises; an open-ended one just OTHER
        UUID projectDay = postings.posting("Projekttag Werft").type("PROJECT_DAY").fixedTerm(true).insert();
        assertThat(get(projectDay, "application/ld+json").body()).contains("\"employmentType\":[\"OTHER\",\"TEMPORARY\"]");
        UUID openProjectDay = postings.posting("Projekttag Hafen").type("PROJECT_DAY").fixedTerm(false).insert();
        assertThat(get(openProjectDay, "application/ld+json").body()).contains("\"employmentType\":[\"OTHER\"]");

        for (String status : new String[] {"DRAFT", "WITHDRAWN", "FILLED"}) {
            UUID hidden = postings.posting("Nicht öffentlich").status(status).insert();
            HttpResponse<String> response = get(hidden, "application/ld+json");
            assertThat(response.statusCode()).as(status).isEqualTo(404);
            assertThat(response.body()).contains("urn:augenhoehe:problem:not-found");
        }
        assertThat(get(UUID.randomUUID(), "application/ld+json").statusCode()).isEqualTo(404);
    }

    /**
     * Issue #17: the employer's website ({@code sameAs}), logo and business address come with partner-service's events;
     * a posting in the employer's postal code has the employer's street as its own, one elsewhere none (the head
     * office's street would be a wrong address). A later profile without a logo takes the logo away.
     */
    @Test
    void the_employers_website_logo_and_street_come_from_its_partner_events() throws Exception {
        UUID employer = UUID.randomUUID();
        partnerEvent("augenhoehe.partner.registered.v1", employer, "{\"partnerId\":\"" + employer
                + "\",\"name\":\"Neckar Getriebe GmbH\",\"kind\":\"COMPANY\",\"street\":\"Binswanger Straße 12\",\"postalCode\":\"74172\","
                + "\"city\":\"Neckarsulm\",\"website\":\"https://www.neckar-getriebe.example\",\"logoUrl\":\"https://www.neckar-getriebe.example/logo.png\"}");
        Eventually.await("the employer's profile projected", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "select count(*) from employer where partner_id = ? and website is not null", Integer.class, employer) == 1);
        TestPostings postings = new TestPostings(jdbc);
        UUID atHome = postings.posting("Industriemechaniker/in").employer(employer).at("74172", "Neckarsulm", "08125", TestPostings.NECKARSULM).insert();
        UUID elsewhere = postings.posting("Monteur/in").employer(employer).at("74072", "Heilbronn", "08121", TestPostings.HEILBRONN).insert();

        JsonNode ld = JsonMapper.builder().build().readTree(get(atHome, "application/ld+json").body());
        JsonNode organisation = ld.get("hiringOrganization");
        assertThat(organisation.get("name").asString()).isEqualTo("Neckar Getriebe GmbH");
        assertThat(organisation.get("sameAs").asString()).isEqualTo("https://www.neckar-getriebe.example");
        assertThat(organisation.get("logo").asString()).isEqualTo("https://www.neckar-getriebe.example/logo.png");
        assertThat(organisation.get("address").get("streetAddress").asString()).isEqualTo("Binswanger Straße 12");
        assertThat(organisation.get("address").get("postalCode").asString()).isEqualTo("74172");
        assertThat(organisation.get("address").get("addressLocality").asString()).isEqualTo("Neckarsulm");
        assertThat(ld.get("jobLocation").get("address").get("streetAddress").asString()).isEqualTo("Binswanger Straße 12");
        assertThat(ld.get("jobLocation").get("address").get("postalCode").asString()).isEqualTo("74172");

        JsonNode branch = JsonMapper.builder().build().readTree(get(elsewhere, "application/ld+json").body());
        assertThat(branch.get("jobLocation").get("address").has("streetAddress")).as("not the employer's postal code").isFalse();
        assertThat(branch.get("jobLocation").get("address").get("postalCode").asString()).isEqualTo("74072");
        assertThat(branch.get("hiringOrganization").get("sameAs").asString()).isEqualTo("https://www.neckar-getriebe.example");

        partnerEvent("augenhoehe.partner.updated.v1", employer, "{\"partnerId\":\"" + employer
                + "\",\"name\":\"Neckar Getriebe GmbH\",\"kind\":\"COMPANY\",\"postalCode\":\"74172\",\"city\":\"Neckarsulm\","
                + "\"website\":\"https://neckar-getriebe.example/\",\"version\":1}");
        Eventually.await("the changed profile projected", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "select count(*) from employer where partner_id = ? and version = 1", Integer.class, employer) == 1);
        JsonNode changed = JsonMapper.builder().build().readTree(get(atHome, "application/ld+json").body());
        assertThat(changed.get("hiringOrganization").get("sameAs").asString()).isEqualTo("https://neckar-getriebe.example/");
        assertThat(changed.get("hiringOrganization").has("logo")).isFalse();
        assertThat(changed.get("jobLocation").get("address").has("streetAddress")).as("no street known any more").isFalse();
    }

    /** Sends in partner-service's envelope, after checking the data against partner-service's schema of the type. */
    private void partnerEvent(String type, UUID partner, String data) throws Exception {
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("../partner-service/src/main/resources/contracts/events/" + type + ".schema.json")),
                        InputFormat.JSON).validate(data, InputFormat.JSON)).as("conforms to partner-service's schema").isEmpty();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("partner-events", partner.toString(), data.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), "/augenhoehe/partner-service", type,
                partner.toString(), Instant.now(), null);
        kafka.send(record).get();
    }

    private HttpResponse<String> get(UUID id, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/vacancies/" + id))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }
}
