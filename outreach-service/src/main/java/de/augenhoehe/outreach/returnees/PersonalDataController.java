package de.augenhoehe.outreach.returnees;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.outreach.returnees.ReturneeRequests.Export;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Purpose;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.web.ProblemException;

/**
 * A person's rights over their data: export (Art. 15), erasure (Art. 17), withdrawal of a consent (Art. 7(3)).
 * Called by the person with the secret of their management link ({@code Returnee-Token} header; only its hash is
 * stored) or by a coordinator of the returnee's network. Anybody else gets 404: whether an id exists stays unknown.
 */
@RestController
@RequestMapping("/api/returnees/{id}")
@Tag(name = "returnees")
class PersonalDataController {

    static final String TOKEN_HEADER = "Returnee-Token";

    private final JdbcTemplate jdbc;
    private final Erasure erasure;
    private final List<Returnees.PersonalDataHolder> holders;

    PersonalDataController(JdbcTemplate jdbc, Erasure erasure, List<Returnees.PersonalDataHolder> holders) {
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.holders = holders;
    }

    @GetMapping("/export")
    @Transactional
    @Operation(summary = "Everything held about a returnee (Art. 15 GDPR): profile, consents, matches, mails sent")
    Export export(@PathVariable UUID id,
            @Parameter(description = "the secret of the personal management link") @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        authorise(id, token);
        Map<String, Object> profile = jdbc.queryForObject("""
                select id, network_id, campaign_id, batch_id, status, first_name, last_name, email, phone, current_place,
                    return_postal_code, qualification, occupation, occupation_group, earliest_return, interests,
                    signed_up_at, confirmed_at, last_activity_at, first_matched_at, returned_at, hired_at, hired_by
                from returnee where id = ?""", PersonalDataController::row, id);
        List<Map<String, Object>> consents = jdbc.query("""
                select c.purpose, c.text_version, t.body as text, c.given_at, c.source, c.withdrawn_at
                from consent c join consent_text t on t.version = c.text_version where c.returnee_id = ? order by c.purpose""",
                PersonalDataController::row, id);
        List<Map<String, Object>> mails = jdbc.query("select kind, sent_at from mail_sent where returnee_id = ? order by sent_at",
                PersonalDataController::row, id);
        Map<String, Object> elsewhere = new LinkedHashMap<>();
        holders.forEach(h -> elsewhere.put(h.name(), h.export(id)));
        return new Export(profile, consents, mails, elsewhere);
    }

    @DeleteMapping
    @Transactional
    @Operation(summary = "Erase a returnee (Art. 17 GDPR): personal data anonymised, matches purged, person-erased.v1 published")
    ResponseEntity<Void> erase(@PathVariable UUID id,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        authorise(id, token);
        erasure.erase(id, Erasure.Reason.REQUEST);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/consents/{purpose}")
    @Transactional
    @Operation(summary = "Withdraw a consent; contact stops at once. Withdrawing MATCHING also purges the matches")
    ResponseEntity<Void> withdraw(@PathVariable UUID id, @PathVariable Purpose purpose,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        authorise(id, token);
        int changed = jdbc.update("update consent set withdrawn_at = now() where returnee_id = ? and purpose = ? "
                + "and withdrawn_at is null", id, purpose.name());
        if (changed == 0) {
            throw ProblemException.notFound("An active " + purpose + " consent");
        }
        if (purpose == Purpose.MATCHING) {
            holders.forEach(h -> h.erase(id));
        }
        return ResponseEntity.noContent().build();
    }

    /** The person by their management secret, or a coordinator of the returnee's network; locks the row. */
    private void authorise(UUID id, String token) {
        record Row(UUID network, byte[] hash) {
        }
        Row row = jdbc.query("select network_id, management_hash from returnee where id = ? and status <> 'ERASED' for update",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2)), id).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Returnee " + id));
        if (token != null) {
            if (Tokens.wellFormed(token) && row.hash() != null
                    && java.security.MessageDigest.isEqual(row.hash(), Tokens.hash(token))) {
                jdbc.update("update returnee set last_activity_at = now() where id = ?", id);
                return;
            }
            throw ProblemException.notFound("Returnee " + id);
        }
        Actor actor = Actor.current().orElseThrow(() -> ProblemException.unauthenticated("The management link's token or a coordinator's token is required"));
        if (!actor.coordinates(row.network())) {
            throw ProblemException.notFound("Returnee " + id);
        }
    }

    private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof java.sql.Array array) {
                value = List.of((Object[]) array.getArray());
            } else if (value instanceof java.sql.Timestamp ts) {
                value = ts.toInstant();
            } else if (value instanceof java.sql.Date d) {
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
