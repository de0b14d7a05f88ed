package de.augenhoehe.vacancy.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Postings written straight into the posting table, as the posting feature stores them (the search only reads).
 * A builder with plausible defaults: a published full-time job in Heilbronn.
 */
final class TestPostings {

    static final double[] HEILBRONN = {49.1423, 9.2234};     // 74072, Kreis 08121
    static final double[] NECKARSULM = {49.1891, 9.2253};    // 74172, Kreis 08125, ~5 km from 74072
    static final double[] LEER = {53.2348, 7.4752};          // 26789, Kreis 03457

    private final JdbcTemplate jdbc;

    TestPostings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Builder posting(String title) {
        return new Builder(title);
    }

    final class Builder {
        UUID id = UUID.randomUUID();
        UUID employer = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
        String title;
        String description = "Wir suchen Verstärkung für unser Team.";
        String type = "JOB";
        String status = "PUBLISHED";
        String kldb = "26112";
        String postalCode = "74072";
        String place = "Heilbronn";
        String kreis = "08121";
        double[] at = HEILBRONN;
        String workingTime = "FULL_TIME";
        int remoteShare;
        boolean fixedTerm;
        LocalDate startDate;
        LocalDate validThrough = LocalDate.now().plusDays(60);
        String germanLevel;
        boolean temporaryAgency;
        Integer salaryMin;
        Integer salaryMax;
        String salaryPeriod;
        Instant publishedAt = Instant.now().minus(1, ChronoUnit.DAYS);

        Builder(String title) {
            this.title = title;
        }

        Builder description(String v) { description = v; return this; }
        Builder type(String v) { type = v; return this; }
        Builder status(String v) { status = v; return this; }
        Builder kldb(String v) { kldb = v; return this; }
        Builder employer(UUID v) { employer = v; return this; }
        Builder workingTime(String v) { workingTime = v; return this; }
        Builder remoteShare(int v) { remoteShare = v; return this; }
        Builder fixedTerm(boolean v) { fixedTerm = v; return this; }
        Builder startDate(LocalDate v) { startDate = v; return this; }
        Builder validThrough(LocalDate v) { validThrough = v; return this; }
        Builder germanLevel(String v) { germanLevel = v; return this; }
        Builder temporaryAgency(boolean v) { temporaryAgency = v; return this; }
        Builder salary(int min, int max, String period) { salaryMin = min; salaryMax = max; salaryPeriod = period; return this; }
        Builder publishedDaysAgo(int days) { publishedAt = Instant.now().minus(days, ChronoUnit.DAYS); return this; }
        Builder publishedAt(Instant v) { publishedAt = v; return this; }

        Builder at(String code, String placeName, String kreisCode, double[] coordinates) {
            postalCode = code;
            place = placeName;
            kreis = kreisCode;
            at = coordinates;
            return this;
        }

        UUID insert() {
            boolean closed = !status.equals("PUBLISHED") && !status.equals("DRAFT");
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("""
                    insert into posting (id, employer_id, type, status, title, description, kldb, postal_code, place, kreis,
                        latitude, longitude, working_time, remote_share, fixed_term, start_date, valid_through, german_level,
                        temporary_agency, salary_min, salary_max, salary_period, application_url, created_at, updated_at,
                        published_at, closed_at, close_reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, employer, type, status, title, description, kldb, postalCode, place, kreis, at[0], at[1], workingTime,
                    remoteShare, fixedTerm, startDate, validThrough, germanLevel, temporaryAgency, salaryMin, salaryMax,
                    salaryPeriod, "https://example.org/jobs/" + id, now, now,
                    status.equals("DRAFT") ? null : Timestamp.from(publishedAt), closed ? now : null,
                    closed ? (status.equals("FILLED") ? "FILLED" : status.equals("EXPIRED") ? "EXPIRED" : "WITHDRAWN") : null);
            return id;
        }
    }
}
