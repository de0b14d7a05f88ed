package de.augenhoehe.outreach.returnees;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.outreach.returnees.ReturneeRequests.Correction;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Interest;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Purpose;
import de.augenhoehe.outreach.returnees.ReturneeRequests.ReturneeSummary;

/** The SQL of a returnee once signed up: the coordinators' rows, returns and hires, the person's own data; no rules. */
@Component
class ReturneeStore {

    /** Where a summary's region comes from: the returnee's postal code, else their campaign's target areas. */
    @FunctionalInterface
    interface Regions {
        String of(String postalCode, UUID campaign);
    }

    /** A confirmed returnee as a return or a hire is recorded. */
    record Confirmed(UUID network, UUID campaign, boolean returned, boolean hired) {
    }

    /** A returnee as their own management link or a coordinator reaches them. */
    record Managed(UUID network, byte[] managementHash) {
    }

    private static final String SUMMARY = "select r.*, " + Returnees.consentStands("NETWORK_CONTACT") + " as contact";
    private static final String OF_NETWORK = " from returnee r where r.network_id = ? and r.status = 'CONFIRMED' "
            + "and (?::uuid is null or r.campaign_id = ?::uuid)";

    private final JdbcTemplate jdbc;

    ReturneeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- the coordinators' view -------------------------------------------------------------------------------------

    List<ReturneeSummary> confirmedOf(UUID network, UUID campaign, int size, long offset, Regions regions) {
        return jdbc.query(SUMMARY + OF_NETWORK + " order by r.confirmed_at, r.id limit ? offset ?",
                (rs, n) -> summary(rs, regions), network, campaign, campaign, size, offset);
    }

    long countConfirmedOf(UUID network, UUID campaign) {
        return jdbc.queryForObject("select count(*)" + OF_NETWORK, Long.class, network, campaign, campaign);
    }

    ReturneeSummary summary(UUID id, Regions regions) {
        return jdbc.queryForObject(SUMMARY + " from returnee r where r.id = ?", (rs, n) -> summary(rs, regions), id);
    }

    /** Locks a confirmed returnee's row, if there is one. */
    Optional<Confirmed> confirmed(UUID id) {
        return jdbc.query("select network_id, campaign_id, returned_at is not null, hired_at is not null from returnee "
                + "where id = ? and status = 'CONFIRMED' for update", (rs, n) -> new Confirmed(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getBoolean(3), rs.getBoolean(4)), id).stream().findFirst();
    }

    void returned(UUID id) {
        jdbc.update("update returnee set returned_at = now(), last_activity_at = now() where id = ?", id);
    }

    void hired(UUID id, UUID employer) {
        jdbc.update("update returnee set hired_at = now(), hired_by = ?, last_activity_at = now() where id = ?", employer, id);
    }

    // --- the person's own data --------------------------------------------------------------------------------------

    /** Locks the row of a returnee who is not erased, if there is one. */
    Optional<Managed> managed(UUID id) {
        return jdbc.query("select network_id, management_hash from returnee where id = ? and status <> 'ERASED' for update",
                (rs, n) -> new Managed(rs.getObject(1, UUID.class), rs.getBytes(2)), id).stream().findFirst();
    }

    /** What matching reads of a profile (and its status): a correction that changes it matches anew. */
    record MatchingInputs(String status, String occupationGroup, String returnPostalCode, String interests, LocalDate earliestReturn) {
    }

    MatchingInputs matchingInputs(UUID id) {
        return jdbc.queryForObject("select status, occupation_group, return_postal_code, interests::text, earliest_return "
                + "from returnee where id = ?", (rs, n) -> new MatchingInputs(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class)), id);
    }

    void correct(UUID id, Correction c) {
        jdbc.update("""
                update returnee set first_name = ?, last_name = ?, phone = ?, current_place = ?, return_postal_code = ?,
                    qualification = ?, occupation = ?, occupation_group = ?, earliest_return = ?, interests = ?::text[],
                    last_activity_at = now()
                where id = ?""", c.firstName().strip(), c.lastName().strip(), blank(c.phone()), c.currentPlace().strip(),
                blank(c.returnPostalCode()), blank(c.qualification()), c.occupation(), c.occupation().substring(0, 3),
                c.earliestReturn(), "{" + c.interests().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}", id);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    void active(UUID id) {
        jdbc.update("update returnee set last_activity_at = now() where id = ?", id);
    }

    Map<String, Object> profile(UUID id) {
        return jdbc.queryForObject("""
                select id, network_id, campaign_id, batch_id, status, first_name, last_name, email, phone, current_place,
                    return_postal_code, qualification, occupation, occupation_group, earliest_return, interests,
                    signed_up_at, confirmed_at, last_activity_at, first_matched_at, returned_at, hired_at, hired_by
                from returnee where id = ?""", ReturneeStore::row, id);
    }

    List<Map<String, Object>> consents(UUID id) {
        return jdbc.query("""
                select c.purpose, c.text_version, t.body as text, c.given_at, c.source, c.withdrawn_at
                from consent c join consent_text t on t.version = c.text_version where c.returnee_id = ? order by c.purpose""",
                ReturneeStore::row, id);
    }

    List<Map<String, Object>> mails(UUID id) {
        return jdbc.query("select kind, sent_at from mail_sent where returnee_id = ? order by sent_at", ReturneeStore::row, id);
    }

    /** Withdraws a standing consent; false when none stood. */
    boolean withdraw(UUID id, Purpose purpose) {
        return jdbc.update("update consent set withdrawn_at = now() where returnee_id = ? and purpose = ? "
                + "and withdrawn_at is null", id, purpose.name()) > 0;
    }

    // --- rows -----------------------------------------------------------------------------------------------------

    private static ReturneeSummary summary(ResultSet rs, Regions regions) throws SQLException {
        UUID campaign = rs.getObject("campaign_id", UUID.class);
        return new ReturneeSummary(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class), campaign,
                rs.getObject("batch_id", UUID.class), rs.getString("first_name"), rs.getString("occupation"),
                regions.of(rs.getString("return_postal_code"), campaign),
                Arrays.stream((String[]) rs.getArray("interests").getArray()).map(Interest::valueOf)
                        .collect(Collectors.toCollection(TreeSet::new)),
                rs.getObject("earliest_return", LocalDate.class), rs.getBoolean("contact") ? rs.getString("email") : null,
                instant(rs, "confirmed_at"), instant(rs, "returned_at"), instant(rs, "hired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** Every column of a row by its camel-case name, with arrays, timestamps and dates as Java values (the export). */
    private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof Array array) {
                value = List.of((Object[]) array.getArray());
            } else if (value instanceof Timestamp ts) {
                value = ts.toInstant();
            } else if (value instanceof Date d) {
                value = d.toLocalDate();
            }
            row.put(snakeToCamel(rs.getMetaData().getColumnLabel(i)), value);
        }
        return row;
    }

    private static String snakeToCamel(String s) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : s.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
