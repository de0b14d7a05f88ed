package de.augenhoehe.vacancy.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.security.KeyedHash;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * The opaque keyset cursor: the last hit's sort key and id, the sort, and a digest of the search it belongs to,
 * signed with HMAC-SHA256. Keyset pagination is stable under inserts: a page continues strictly after the last hit
 * of the previous page in a total order (sort key, id), so no hit is repeated or skipped because rows were added.
 * The signature is for integrity, not secrecy (the key values are no secret): a changed or foreign cursor → 400.
 * The key must be this deployment's own and the same on every instance: outside demo mode the service refuses to
 * start without one (a default known from the source would let anyone forge cursors).
 */
@Component
class SearchCursor {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    static final int MAX_LENGTH = 512;

    /** A position after which the next page starts: the sort key (rank, epoch microseconds or km) and the id. */
    record Position(double key, UUID id) {
    }

    static final ProblemType INVALID_CURSOR = ProblemType.of(HttpStatus.BAD_REQUEST, "invalid-cursor", "Ungültiger Cursor / Invalid cursor");
    static final String KEY_PROPERTY = "augenhoehe.search.cursor-secret";
    static final int MIN_KEY_LENGTH = 32;

    private final KeyedHash signature;

    SearchCursor(@Value("${" + KEY_PROPERTY + ":}") String secret, @Value("${augenhoehe.demo.enabled:false}") boolean demo) {
        this.signature = KeyedHash.derived(key(secret, demo), "augenhoehe-search-cursor");
    }

    /** The configured key; in demo mode, when none is configured, a random one (cursors then live as long as the process). */
    static byte[] key(String configured, boolean demo) {
        String how = KEY_PROPERTY + " (AUGENHOEHE_SEARCH_CURSOR_SECRET) must be set to a random secret of at least "
                + MIN_KEY_LENGTH + " characters, the same on every instance, e.g. from openssl rand -base64 32";
        if (configured == null || configured.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("No key to sign search cursors: " + how + " (only demo mode makes one up)");
            }
            LoggerFactory.getLogger(SearchCursor.class).info("Demo mode: search cursors are signed with a random key of this process");
            return KeyedHash.randomKey();
        }
        if (configured.strip().length() < MIN_KEY_LENGTH && !demo) {
            throw new IllegalStateException("The key to sign search cursors is too short: " + how);
        }
        return configured.strip().getBytes(StandardCharsets.UTF_8);
    }

    String encode(SearchCriteria criteria, Position position) {
        // Double.toString round-trips exactly, so the next page compares with the very value the database gave.
        String payload = "v1;" + criteria.sort().name() + ";" + Double.toString(position.key()) + ";" + position.id() + ";"
                + digest(criteria.fingerprint());
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(payload));
    }

    Position decode(String cursor, SearchCriteria criteria) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid("The cursor is too long");
        }
        int dot = cursor.indexOf('.');
        byte[] body;
        byte[] signature;
        try {
            body = B64D.decode(cursor.substring(0, Math.max(dot, 0)));
            signature = B64D.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("The cursor is not one this service issued");
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        if (dot < 0 || !MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid("The cursor is not one this service issued");
        }
        String[] parts = payload.split(";", -1);
        if (parts.length != 5 || !"v1".equals(parts[0])) {
            throw invalid("The cursor is not one this service issued");
        }
        if (!parts[1].equals(criteria.sort().name()) || !parts[4].equals(digest(criteria.fingerprint()))) {
            throw invalid("The cursor belongs to another search; pass the same parameters as for the first page");
        }
        try {
            return new Position(Double.parseDouble(parts[2]), UUID.fromString(parts[3]));
        } catch (IllegalArgumentException e) {
            throw invalid("The cursor is not one this service issued");
        }
    }

    /** The signature: the first 16 bytes of the keyed hash (integrity, not secrecy). */
    private byte[] mac(String payload) {
        return Arrays.copyOf(signature.of(payload), 16);
    }

    private static String digest(String fingerprint) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(Arrays.copyOf(sha, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static ProblemException invalid(String detail) {
        return INVALID_CURSOR.exception(detail);
    }
}
