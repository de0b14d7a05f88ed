package de.augenhoehe.partner.integrationclients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.web.ProblemException;

/**
 * Issues, rotates and revokes HR integration clients and answers the authorization server's questions about them.
 * Times are the database's ({@code now()}), so several instances agree on when an overlap ends.
 */
@Service
class IntegrationClients implements IntegrationClientCredentials {

    private static final String COLUMNS = "client_id, partner_id, name, issued_at, rotated_at, previous_valid_until, last_used_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final Duration overlap;

    IntegrationClients(JdbcTemplate jdbc, EventPublisher events,
            @Value("${augenhoehe.identity.integration-clients.rotation-overlap:PT24H}") Duration overlap) {
        this.jdbc = jdbc;
        this.events = events;
        this.overlap = overlap;
    }

    @Transactional
    IssuedSecret issue(UUID partner, String name, String issuedBy) {
        String clientId = Secrets.newClientId();
        String secret = Secrets.newSecret();
        jdbc.update("insert into integration_client (client_id, partner_id, name, secret_hash, issued_at, issued_by) values (?, ?, ?, ?, now(), ?)",
                clientId, partner, name, Secrets.hash(secret), issuedBy);
        IntegrationClient c = find(partner, clientId).orElseThrow();
        events.publish(IntegrationClientEvents.ISSUED, partner.toString(),
                new IntegrationClientEvents.Issued(clientId, partner.toString(), c.issuedAt().toString()));
        return new IssuedSecret(c, secret, "/oauth2/token");
    }

    /** For the demo client: issued with a fixed id and secret unless it exists already. */
    @Transactional
    void ensure(UUID partner, String clientId, String name, String secret) {
        int inserted = jdbc.update("insert into integration_client (client_id, partner_id, name, secret_hash, issued_at, issued_by)"
                + " values (?, ?, ?, ?, now(), 'demo') on conflict (client_id) do nothing", clientId, partner, name, Secrets.hash(secret));
        if (inserted == 1) {
            events.publish(IntegrationClientEvents.ISSUED, partner.toString(), new IntegrationClientEvents.Issued(clientId,
                    partner.toString(), find(partner, clientId).orElseThrow().issuedAt().toString()));
        }
    }

    /**
     * A new secret; the one it replaces stays valid for the configured overlap, so the HR system can switch without a
     * gap. A second rotation within the overlap ends the oldest secret at once (only one previous secret is kept).
     */
    @Transactional
    IssuedSecret rotate(UUID partner, String clientId) {
        String secret = Secrets.newSecret();
        int changed = jdbc.update("""
                update integration_client set previous_secret_hash = secret_hash,
                       previous_valid_until = now() + make_interval(secs => ?), secret_hash = ?, rotated_at = now()
                 where client_id = ? and partner_id = ? and revoked_at is null""",
                (double) overlap.toSeconds(), Secrets.hash(secret), clientId, partner);
        if (changed == 0) {
            IntegrationClient c = find(partner, clientId).orElseThrow(() -> ProblemException.notFound("Integration client " + clientId));
            throw ProblemException.conflict("client-revoked", "Integration client " + c.clientId() + " is revoked");
        }
        return new IssuedSecret(find(partner, clientId).orElseThrow(), secret, "/oauth2/token");
    }

    /** Revokes at once: every later token request of the client fails. Revoking twice changes nothing. */
    @Transactional
    void revoke(UUID partner, String clientId, String revokedBy) {
        find(partner, clientId).orElseThrow(() -> ProblemException.notFound("Integration client " + clientId));
        int changed = jdbc.update("""
                update integration_client set revoked_at = now(), revoked_by = ?, previous_secret_hash = null,
                       previous_valid_until = null
                 where client_id = ? and partner_id = ? and revoked_at is null""", revokedBy, clientId, partner);
        if (changed == 1) {
            IntegrationClient c = find(partner, clientId).orElseThrow();
            events.publish(IntegrationClientEvents.REVOKED, partner.toString(),
                    new IntegrationClientEvents.Revoked(clientId, partner.toString(), c.revokedAt().toString()));
        }
    }

    List<IntegrationClient> list(UUID partner) {
        return jdbc.query("select " + COLUMNS + " from integration_client where partner_id = ? order by issued_at, client_id",
                IntegrationClients::map, partner);
    }

    Optional<IntegrationClient> find(UUID partner, String clientId) {
        return jdbc.query("select " + COLUMNS + " from integration_client where client_id = ? and partner_id = ?",
                IntegrationClients::map, clientId, partner).stream().findFirst();
    }

    @Override
    public Optional<Grant> active(String clientId) {
        return jdbc.query("select client_id, partner_id from integration_client where client_id = ? and revoked_at is null",
                (rs, n) -> new Grant(rs.getString("client_id"), rs.getObject("partner_id", UUID.class)), clientId).stream().findFirst();
    }

    @Override
    public boolean secretMatches(String clientId, String secret) {
        return jdbc.query("""
                select secret_hash, case when previous_valid_until > now() then previous_secret_hash end as previous
                  from integration_client where client_id = ? and revoked_at is null""",
                (rs, n) -> Secrets.matches(secret, rs.getString("secret_hash")) | Secrets.matches(secret, rs.getString("previous")),
                clientId).stream().findFirst().orElse(false);
    }

    @Override
    public void recordUse(String clientId) {
        jdbc.update("update integration_client set last_used_at = now() where client_id = ?", clientId);
    }

    private static IntegrationClient map(ResultSet rs, int n) throws SQLException {
        Instant revoked = instant(rs, "revoked_at");
        Instant previousUntil = instant(rs, "previous_valid_until");
        return new IntegrationClient(rs.getString("client_id"), rs.getObject("partner_id", UUID.class), rs.getString("name"),
                revoked == null ? "ACTIVE" : "REVOKED", instant(rs, "issued_at"), instant(rs, "rotated_at"),
                previousUntil != null && previousUntil.isAfter(Instant.now()) ? previousUntil : null,
                instant(rs, "last_used_at"), revoked);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
