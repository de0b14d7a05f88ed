package de.augenhoehe.outreach.returnees;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.outreach.returnees.ReturneeEvents.Origin;
import de.augenhoehe.outreach.returnees.ReturneeRequests.ConsentText;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Purpose;
import de.augenhoehe.outreach.returnees.ReturneeRequests.SignUp;

/** The SQL of a sign-up and its confirmation: consent texts, the pending returnee row and its consents; no rules. */
@Component
class SignUpStore {

    /** A sign-up already held for an address in a network. */
    record Known(UUID id, String status) {
    }

    /** The returnee row a confirmation link points at. */
    record Pending(UUID id, Origin origin, String group, String status, Instant expires) {
    }

    /** The secrets of a new sign-up, as stored: hashes only. */
    record Secrets(byte[] confirmationHash, Instant confirmationExpires, byte[] managementHash) {
    }

    private final JdbcTemplate jdbc;

    SignUpStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ConsentText> consentTexts() {
        return jdbc.query("select * from consent_text order by purpose, valid_from desc", (rs, n) -> new ConsentText(
                rs.getString("version"), Purpose.valueOf(rs.getString("purpose")), rs.getString("body"),
                rs.getObject("valid_from", LocalDate.class)));
    }

    /** The purpose of a consent text version, if the version is known. */
    Optional<String> consentPurpose(String version) {
        return jdbc.query("select purpose from consent_text where version = ?", (rs, n) -> rs.getString(1), version).stream()
                .findFirst();
    }

    /** Locks the row of the address's sign-up in the network, if there is one. */
    Optional<Known> known(UUID network, String email) {
        return jdbc.query("select id, status from returnee where network_id = ? and lower(email) = lower(?) "
                + "and status <> 'ERASED' for update", (rs, n) -> new Known(rs.getObject(1, UUID.class), rs.getString(2)),
                network, email).stream().findFirst();
    }

    void insertPending(UUID id, Origin origin, SignUp request, String email, String group, Secrets secrets) {
        jdbc.update("""
                insert into returnee (id, network_id, campaign_id, batch_id, status, first_name, last_name, email, phone,
                    current_place, return_postal_code, qualification, occupation, occupation_group, earliest_return,
                    interests, confirmation_hash, confirmation_expires, management_hash)
                values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)""",
                id, origin.network(), origin.campaign(), origin.batch(), request.firstName().strip(),
                request.lastName().strip(), email, blankToNull(request.phone()), request.currentPlace().strip(),
                request.returnPostalCode(), blankToNull(request.qualification()), request.occupation(), group,
                request.earliestReturn(),
                "{" + request.interests().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}",
                secrets.confirmationHash(), Timestamp.from(secrets.confirmationExpires()), secrets.managementHash());
    }

    void insertConsent(UUID returnee, Purpose purpose, String version, Instant given, String source) {
        jdbc.update("insert into consent (id, returnee_id, purpose, text_version, given_at, source) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), returnee, purpose.name(), version, Timestamp.from(given), source);
    }

    /** Locks the row whose confirmation link has this hash, if any. */
    Optional<Pending> byConfirmationHash(byte[] hash) {
        return jdbc.query("select id, network_id, campaign_id, batch_id, occupation_group, status, confirmation_expires "
                + "from returnee where confirmation_hash = ? for update", (rs, n) -> new Pending(rs.getObject(1, UUID.class),
                        new Origin(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), (Object) hash)
                .stream().findFirst();
    }

    void confirm(UUID id) {
        jdbc.update("update returnee set status = 'CONFIRMED', confirmed_at = now(), last_activity_at = now() where id = ?", id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
