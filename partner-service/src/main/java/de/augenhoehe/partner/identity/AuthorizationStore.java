package de.augenhoehe.partner.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Where authorizations in progress (codes with their PKCE state) and the tokens issued for them are kept: in
 * PostgreSQL ({@code oauth2_authorization}), so a login may start at one instance and its code be redeemed at another.
 * <ul>
 * <li><b>Nothing usable for a database reader:</b> codes and tokens are found by the SHA-256 of their value; the
 * stored authorization carries their hashes instead of their values ({@link RedactedTokens}). A lookup by value puts
 * the presented value back in. (A plain hash suffices: the values are long random strings or signed JWTs.)</li>
 * <li><b>Single use under concurrency:</b> Spring's code provider reads the authorization, checks that the code is
 * not yet invalidated, issues tokens and saves the authorization with the code invalidated. Two redemptions at once
 * both pass the check; here the save that invalidates the code is a conditional upsert, so only the first one stores
 * its tokens and every other one fails with {@code invalid_grant} before its token leaves the server.</li>
 * <li><b>Expiry:</b> each row carries the latest expiry of its code and tokens; {@link AuthorizationCleanup} deletes
 * expired rows.</li>
 * </ul>
 * Client-credentials grants are not kept at all: nothing reads them back, and HR systems asking for a token every
 * hour must not fill the table.
 */
class AuthorizationStore implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationStore.class);

    /** How long an authorization without any expiring token (a consent in progress) is kept. */
    private static final Duration WITHOUT_TOKENS = Duration.ofMinutes(10);
    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuthorizationStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            return;
        }
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        boolean redeemed = code != null && code.isInvalidated();
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        // A redemption stores its new access token only while the code is unredeemed; a later save of the same
        // tokens (e.g. marking them invalidated after a replayed code) is not a redemption and always goes through,
        // nor is a refresh (the portal's): it keeps the stored refresh token (reused, Clients) and brings a new access
        // token. A second redemption racing the first brings a refresh token of its own (or none) and is refused.
        int stored = jdbc.update("""
                insert into oauth2_authorization (id, registered_client_id, principal_name, grant_type, state_hash, code_hash,
                    code_redeemed, access_token_hash, id_token_hash, refresh_token_hash, expires_at, authorization_data)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set principal_name = excluded.principal_name, state_hash = excluded.state_hash,
                    code_hash = excluded.code_hash, code_redeemed = excluded.code_redeemed,
                    access_token_hash = excluded.access_token_hash, id_token_hash = excluded.id_token_hash,
                    refresh_token_hash = excluded.refresh_token_hash, expires_at = excluded.expires_at,
                    authorization_data = excluded.authorization_data, updated_at = now()
                where not oauth2_authorization.code_redeemed or not excluded.code_redeemed
                    or oauth2_authorization.access_token_hash is not distinct from excluded.access_token_hash
                    or oauth2_authorization.refresh_token_hash = excluded.refresh_token_hash
                """,
                authorization.getId(), authorization.getRegisteredClientId(), authorization.getPrincipalName(),
                authorization.getAuthorizationGrantType().getValue(), state == null ? null : RedactedTokens.sha256(state),
                RedactedTokens.hash(code), redeemed, RedactedTokens.hash(authorization.getAccessToken()),
                RedactedTokens.hash(authorization.getToken(RedactedTokens.ID_TOKEN)),
                RedactedTokens.hash(authorization.getRefreshToken()), Timestamp.from(expiresAt(authorization)),
                AuthorizationSerializer.serialize(RedactedTokens.redact(authorization)));
        if (stored == 0) {
            log.info("A concurrent redemption of the code of authorization {} lost: no token issued", authorization.getId());
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                    "The authorization code has already been redeemed", null));
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.update("delete from oauth2_authorization where id = ?", authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return first(jdbc.query("select id, authorization_data from oauth2_authorization where id = ?", this::read, id));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        byte[] hash = RedactedTokens.sha256(token);
        List<String> columns = columns(tokenType);
        if (columns.isEmpty()) {
            return null;
        }
        String where = String.join(" = ? or ", columns) + " = ?";
        OAuth2Authorization found = first(jdbc.query("select id, authorization_data from oauth2_authorization where " + where,
                this::read, columns.stream().map(c -> hash).toArray()));
        return found == null ? null : RedactedTokens.restore(found, token);
    }

    /** The hash columns a token of this type may be in (all of them when the type is not given). */
    private static List<String> columns(OAuth2TokenType type) {
        if (type == null) {
            return List.of("state_hash", "code_hash", "access_token_hash", "id_token_hash", "refresh_token_hash");
        }
        Map<String, String> byType = Map.of(STATE.getValue(), "state_hash", CODE.getValue(), "code_hash",
                OAuth2TokenType.ACCESS_TOKEN.getValue(), "access_token_hash", RedactedTokens.ID_TOKEN_TYPE, "id_token_hash",
                OAuth2TokenType.REFRESH_TOKEN.getValue(), "refresh_token_hash");
        String column = byType.get(type.getValue());
        return column == null ? List.of() : List.of(column);
    }

    private Instant expiresAt(OAuth2Authorization authorization) {
        return Stream.of(authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
                        authorization.getToken(RedactedTokens.ID_TOKEN), authorization.getRefreshToken())
                .filter(t -> t != null && t.getToken().getExpiresAt() != null)
                .map(t -> t.getToken().getExpiresAt()).max(Instant::compareTo)
                .orElseGet(() -> clock.instant().plus(WITHOUT_TOKENS));
    }

    /**
     * A row that cannot be read back (e.g. written by an older Spring Security, whose classes serialize differently)
     * counts as absent: its code is refused with invalid_grant like an expired one, instead of a server error.
     */
    private OAuth2Authorization read(ResultSet rs, int row) throws SQLException {
        try {
            return AuthorizationSerializer.deserialize(rs.getBytes("authorization_data"));
        } catch (IllegalStateException e) {
            log.warn("Stored authorization {} is unreadable, treated as absent: {}", rs.getString("id"), e.getCause());
            return null;
        }
    }

    private static <T> T first(List<T> rows) {
        return rows.isEmpty() ? null : rows.getFirst();
    }
}
