package de.augenhoehe.measures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import de.augenhoehe.testing.Eventually;

/**
 * A test feed of vacancy-events in vacancy-service's envelope and agreed fields (common contract), checked against
 * vacancy-service's schema files. Keeps what it sent, so a test can replay it.
 */
record Vacancies(KafkaTemplate<String, byte[]> kafka, JdbcTemplate jdbc, List<Sent> sent) {

    static final ProducerFeed FEED = new ProducerFeed("vacancy-service", "vacancy-events");

    record Sent(String id, String type, String key, String data) {
    }

    Vacancies(KafkaTemplate<String, byte[]> kafka, JdbcTemplate jdbc) {
        this(kafka, jdbc, new ArrayList<>());
    }

    UUID published(UUID network, String kreis, String group, int openings, boolean agency, Instant at) {
        return published("JOB", network, kreis, group, openings, agency, at);
    }

    /** A posting of a type (JOB, APPRENTICESHIP, DUAL_STUDY, INTERNSHIP, PROJECT_DAY, WORKING_STUDENT). */
    UUID published(String type, UUID network, String kreis, String group, int openings, boolean agency, Instant at) {
        UUID id = UUID.randomUUID();
        send("augenhoehe.vacancy.published.v1", id, open(id, network, kreis, group, openings, agency, at, at).replace("\"JOB\"", "\"" + type + "\""));
        return id;
    }

    void updated(UUID id, UUID network, String kreis, String group, int openings, Instant publishedAt, Instant at) {
        send("augenhoehe.vacancy.updated.v1", id, open(id, network, kreis, group, openings, false, publishedAt, at));
    }

    void closed(UUID id, UUID network, String kreis, String group, int openings, String reason, Instant publishedAt, Instant at) {
        closed("JOB", id, network, kreis, group, openings, reason, publishedAt, at);
    }

    void closed(String type, UUID id, UUID network, String kreis, String group, int openings, String reason, Instant publishedAt, Instant at) {
        send("augenhoehe.vacancy.closed.v1", id, "{\"vacancyId\":\"" + id + "\",\"employerId\":\"" + employer() + "\",\"networkIds\":[\""
                + network + "\"],\"type\":\"" + type + "\",\"kldb\":\"" + group + "22\",\"occupationGroup\":\"" + group + "\",\"kreis\":\"" + kreis
                + "\",\"temporaryAgency\":false,\"openings\":" + openings + ",\"reason\":\"" + reason + "\",\"detail\":null,\"publishedAt\":\""
                + publishedAt + "\",\"closedAt\":\"" + at + "\",\"occurredAt\":\"" + at + "\"}");
    }

    private static String open(UUID id, UUID network, String kreis, String group, int openings, boolean agency, Instant publishedAt, Instant at) {
        return "{\"vacancyId\":\"" + id + "\",\"employerId\":\"" + employer() + "\",\"networkIds\":[\"" + network + "\"],\"type\":\"JOB\","
                + "\"kldb\":\"" + group + "22\",\"occupationGroup\":\"" + group + "\",\"postalCode\":\"74072\",\"kreis\":\"" + kreis + "\","
                + "\"latitude\":49.14,\"longitude\":9.22,\"startDate\":null,\"validThrough\":\"2027-12-31\",\"openings\":" + openings
                + ",\"workingTime\":\"FULL_TIME\",\"temporaryAgency\":" + agency + ",\"publishedAt\":\"" + publishedAt + "\",\"occurredAt\":\"" + at + "\"}";
    }

    private static UUID employer() {
        return UUID.fromString("5a1e0000-0000-4000-8000-000000000001");
    }

    void send(String type, UUID key, String data) {
        FEED.conforms(type, data);
        Sent s = new Sent(UUID.randomUUID().toString(), type, key.toString(), data);
        sent.add(s);
        deliver(s);
    }

    /** Delivers (again) as the broker would on a replay: same event id, same data. */
    void deliver(Sent s) {
        FEED.deliver(kafka, s.id(), s.type(), s.key(), s.data());
    }

    void awaitAllConsumed() {
        Eventually.await("all vacancy events consumed", Partners.WAIT, () -> sent.stream().allMatch(s -> ProducerFeed.consumed(jdbc, s.id())));
    }
}
