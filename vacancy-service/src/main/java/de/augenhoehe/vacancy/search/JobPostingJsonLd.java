package de.augenhoehe.vacancy.search;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.vacancy.employers.MemberCompanies;
import de.augenhoehe.vacancy.referencedata.ReferenceData;

/**
 * A published posting as schema.org {@code JobPosting} for Google for Jobs: the required properties (title,
 * description, datePosted, hiringOrganization, jobLocation, validThrough) and the recommended ones
 * (employmentType, baseSalary, identifier, directApply; the employer's website as sameAs, its logo and address, the
 * workplace's street where it is the employer's; jobLocationType and applicantLocationRequirements for
 * fully remote work). Drafts and closed postings are not public: none is answered (404).
 */
@Component
class JobPostingJsonLd {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final JdbcTemplate jdbc;
    private final MemberCompanies members;
    private final ReferenceData referenceData;
    private final String publicBaseUrl;

    JobPostingJsonLd(JdbcTemplate jdbc, MemberCompanies members, ReferenceData referenceData,
            @Value("${augenhoehe.search.public-base-url:http://127.0.0.1:8080}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.members = members;
        this.referenceData = referenceData;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    Optional<Map<String, Object>> of(UUID id) {
        return jdbc.query("""
                select id, employer_id, title, description, type, kldb, postal_code, place, kreis, latitude, longitude,
                       working_time, remote_share, fixed_term, start_date, valid_through, german_level,
                       salary_min, salary_max, salary_period, application_url, published_at
                from posting where id = ? and status = 'PUBLISHED'""", this::jobPosting, id).stream().findFirst();
    }

    private Map<String, Object> jobPosting(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID employer = rs.getObject("employer_id", UUID.class);
        MemberCompanies.Organisation organisation = members.organisation(employer)
                .orElse(new MemberCompanies.Organisation("Arbeitgeber im Netzwerk", null, null, null, null, null));
        String employerName = organisation.name();
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org/");
        ld.put("@type", "JobPosting");
        ld.put("title", rs.getString("title"));
        ld.put("description", html(rs.getString("description")));
        ld.put("datePosted", rs.getTimestamp("published_at").toInstant().atZone(BERLIN).toLocalDate().toString());
        // a posting is valid through the whole of its last day, German time
        ld.put("validThrough", rs.getDate("valid_through").toLocalDate().atTime(LocalTime.of(23, 59, 59)).atZone(BERLIN)
                .toOffsetDateTime().toString());
        ld.put("employmentType", employmentType(rs.getString("type"), rs.getString("working_time"), rs.getBoolean("fixed_term")));
        ld.put("hiringOrganization", hiringOrganization(organisation));
        ld.put("identifier", Map.of("@type", "PropertyValue", "name", employerName, "value", id.toString()));
        // the portal's page of the posting, where a person reads it and applies (not the API)
        ld.put("url", publicBaseUrl + "/stellen/" + id);
        ld.put("jobLocation", jobLocation(rs, organisation));
        int remote = rs.getInt("remote_share");
        if (remote >= 100) { // Google: fully remote jobs say TELECOMMUTE and where applicants may live
            ld.put("jobLocationType", "TELECOMMUTE");
            ld.put("applicantLocationRequirements", Map.of("@type", "Country", "name", "DE"));
        }
        BigDecimal min = rs.getBigDecimal("salary_min");
        BigDecimal max = rs.getBigDecimal("salary_max");
        String period = rs.getString("salary_period");
        if ((min != null || max != null) && period != null) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("@type", "QuantitativeValue");
            if (min != null && max != null && min.compareTo(max) != 0) {
                value.put("minValue", min);
                value.put("maxValue", max);
            } else {
                value.put("value", min != null ? min : max);
            }
            value.put("unitText", period); // HOUR, MONTH, YEAR: schema.org's own values
            ld.put("baseSalary", Map.of("@type", "MonetaryAmount", "currency", "EUR", "value", value));
        }
        // applications go to the employer's own URL or mailbox, not through this portal
        ld.put("directApply", false);
        Date start = rs.getDate("start_date");
        if (start != null) {
            ld.put("jobStartDate", start.toLocalDate().toString());
        }
        ld.put("occupationalCategory", "KldB 2010: " + rs.getString("kldb"));
        String german = rs.getString("german_level");
        if (german != null) {
            ld.put("qualifications", "Deutschkenntnisse " + german + " (GER)");
        }
        ld.put("inLanguage", "de");
        return ld;
    }

    /** The employer with its website ({@code sameAs}), logo and business address where partner-service knows them. */
    private static Map<String, Object> hiringOrganization(MemberCompanies.Organisation o) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("@type", "Organization");
        organisation.put("name", o.name());
        if (o.website() != null) {
            organisation.put("sameAs", o.website());
        }
        if (o.logoUrl() != null) {
            organisation.put("logo", o.logoUrl());
        }
        if (o.postalCode() != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            if (o.street() != null) {
                address.put("streetAddress", o.street());
            }
            address.put("postalCode", o.postalCode());
            if (o.city() != null) {
                address.put("addressLocality", o.city());
            }
            address.put("addressCountry", "DE");
            organisation.put("address", address);
        }
        return organisation;
    }

    /**
     * Where the work is: the posting's postal code, place and coordinates. A posting has no street of its own; where it
     * lies in the employer's postal code, the employer's street is the workplace's — elsewhere (a branch, a site) the
     * head office's street would be a wrong address, so none is given.
     */
    private Map<String, Object> jobLocation(ResultSet rs, MemberCompanies.Organisation employer) throws SQLException {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        if (employer.street() != null && employer.postalCode() != null && employer.postalCode().equals(rs.getString("postal_code"))) {
            address.put("streetAddress", employer.street());
        }
        if (rs.getString("postal_code") != null) {
            address.put("postalCode", rs.getString("postal_code"));
        }
        if (rs.getString("place") != null) {
            address.put("addressLocality", rs.getString("place"));
        }
        String kreis = rs.getString("kreis");
        if (kreis != null) {
            String name = referenceData.kreisNames(List.of(kreis)).get(kreis);
            if (name != null) {
                address.put("addressRegion", name);
            }
        }
        address.put("addressCountry", "DE");
        return Map.of("@type", "Place", "address", address,
                "geo", Map.of("@type", "GeoCoordinates", "latitude", rs.getDouble("latitude"), "longitude", rs.getDouble("longitude")));
    }

    /**
     * Google shows the description as HTML: the stored plain text (the posting feature rejects markup, but keeps
     * "Gehalt < 3.000 €") escaped, its blank lines as paragraphs and its line breaks as {@code <br>}.
     */
    static String html(String plain) {
        String escaped = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r\n", "\n");
        StringBuilder out = new StringBuilder();
        for (String paragraph : escaped.split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                out.append("<p>").append(paragraph.strip().replace("\n", "<br>")).append("</p>");
            }
        }
        return out.toString();
    }

    /** Google's employmentType values; a list where more than one applies. */
    static List<String> employmentType(String type, String workingTime, boolean fixedTerm) {
        List<String> out = new ArrayList<>();
        switch (type) {
            case "INTERNSHIP" -> out.add("INTERN");
            case "PROJECT_DAY" -> out.add("OTHER"); // a day in a company for pupils: no employment
            case "WORKING_STUDENT" -> out.add("PART_TIME");
            default -> out.add("FULL_TIME".equals(workingTime) ? "FULL_TIME" : "PART_TIME"); // job, Ausbildung, dual study
        }
        // an internship is temporary by its nature; a project day is OTHER and, when fixed-term, TEMPORARY too
        if (fixedTerm && !out.contains("INTERN")) {
            out.add("TEMPORARY");
        }
        return out;
    }
}
