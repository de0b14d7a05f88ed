package de.augenhoehe.partner.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generated signing keys, kept in {@code identity_signing_key} with the private half encrypted (KeyEncryption),
 * and rotated: the newest key signs; a key replaced by a newer one is still published in the JWKS until every token it
 * signed has expired (access-token lifetime plus a grace for instances that have not yet seen the new key), then it
 * is deleted. A new key comes when the newest is older than {@code signing-key-rotation.interval} (checked by every
 * instance, under an advisory lock) or on {@code POST /internal/identity/signing-keys/rotate}. Each instance re-reads
 * the keys every {@code signing-key-rotation.refresh} (30 s), so all sign with the newest within that time.
 */
class SigningKeyRing implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);
    private static final String COLUMNS = "kid, private_key, private_key_format, public_key, created_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KeyEncryption encryption;
    private final Duration interval;
    private final Duration published;
    private final Clock clock;
    private volatile List<RSAKey> keys = List.of();

    SigningKeyRing(JdbcTemplate jdbc, TransactionTemplate tx, KeyEncryption encryption, Duration interval, Duration tokenTtl,
            Duration refresh, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.encryption = encryption;
        this.interval = interval;
        this.published = tokenTtl.plus(refresh).plus(Duration.ofMinutes(1));
        this.clock = clock;
        tx.executeWithoutResult(s -> {
            lock();
            encryptPlainKeys();
            if (jdbc.queryForObject("select count(*) from identity_signing_key", Integer.class) == 0) {
                generate();
            }
        });
        refresh();
        log.info("Signing tokens with the stored key (kid {}), {} key(s) published", signing().getKeyID(), keys.size());
    }

    /** Every published key (the JWKS endpoint shows their public halves). */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(new ArrayList<JWK>(keys)));
    }

    /** The newest key only: what tokens are signed with. */
    JWKSource<SecurityContext> signingSource() {
        return (selector, context) -> selector.select(new JWKSet(signing()));
    }

    RSAKey signing() {
        return keys.getFirst();
    }

    List<String> publishedKids() {
        return keys.stream().map(JWK::getKeyID).toList();
    }

    /** A new signing key now; the previous one stays published until its tokens expired. */
    String rotate() {
        String kid = tx.execute(s -> {
            lock();
            return generate();
        });
        refresh();
        return kid;
    }

    /** Rotates when due, forgets keys whose tokens have all expired, and re-reads the keys. */
    @Scheduled(initialDelayString = "${augenhoehe.identity.signing-key-rotation.refresh:PT30S}",
            fixedDelayString = "${augenhoehe.identity.signing-key-rotation.refresh:PT30S}")
    void maintain() {
        tx.executeWithoutResult(s -> {
            lock();
            Instant now = clock.instant();
            Timestamp newest = jdbc.queryForObject("select max(created_at) from identity_signing_key", Timestamp.class);
            if (newest == null || newest.toInstant().isBefore(now.minus(interval))) {
                generate();
            }
            // a key whose successor is older than the publication time signed no token that is still valid
            jdbc.update("""
                    delete from identity_signing_key k where exists (select 1 from identity_signing_key n
                    where n.created_at > k.created_at and n.created_at < ?)""", Timestamp.from(now.minus(published)));
        });
        refresh();
    }

    /** Reads the published keys, newest first: the newest, and each key whose successor came less than the publication time ago. */
    void refresh() {
        List<Stored> rows = jdbc.query("select " + COLUMNS + " from identity_signing_key order by created_at desc, kid",
                (rs, n) -> new Stored(rs.getString("kid"), rs.getString("private_key"), rs.getString("private_key_format"),
                        rs.getString("public_key"), rs.getTimestamp("created_at").toInstant()));
        Instant cutoff = clock.instant().minus(published);
        List<RSAKey> ring = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i == 0 || rows.get(i - 1).createdAt().isAfter(cutoff)) {
                ring.add(rows.get(i).jwk(encryption));
            }
        }
        if (ring.isEmpty()) {
            throw new IllegalStateException("No signing key stored");
        }
        keys = List.copyOf(ring);
    }

    private void lock() {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('identity_signing_key'))");
    }

    private String generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            RSAKey jwk = SigningKeys.jwk((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate());
            // created_at from the clock of this instance, like every comparison with it here
            jdbc.update("insert into identity_signing_key (kid, private_key, private_key_format, public_key, created_at) values (?, ?, 'AES-GCM', ?, ?)",
                    jwk.getKeyID(), encryption.encrypt(pair.getPrivate().getEncoded(), jwk.getKeyID()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), Timestamp.from(clock.instant()));
            log.info("Generated and stored a new signing key (kid {})", jwk.getKeyID());
            return jwk.getKeyID();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys stored before encryption came (V17): encrypted in place, so no private key stays in clear. */
    private void encryptPlainKeys() {
        for (var row : jdbc.queryForList("select kid, private_key from identity_signing_key where private_key_format = 'PLAIN'")) {
            String kid = (String) row.get("kid");
            jdbc.update("update identity_signing_key set private_key = ?, private_key_format = 'AES-GCM' where kid = ?",
                    encryption.encrypt(Base64.getDecoder().decode((String) row.get("private_key")), kid), kid);
            log.info("Encrypted the stored signing key {} at rest", kid);
        }
    }

    private record Stored(String kid, String privateKey, String format, String publicKey, Instant createdAt) {

        RSAKey jwk(KeyEncryption encryption) {
            try {
                byte[] pkcs8 = "AES-GCM".equals(format) ? encryption.decrypt(privateKey, kid) : Base64.getDecoder().decode(privateKey);
                KeyFactory f = KeyFactory.getInstance("RSA");
                return SigningKeys.jwk((RSAPublicKey) f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))),
                        (RSAPrivateCrtKey) f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            } catch (GeneralSecurityException | JOSEException e) {
                throw new IllegalStateException("The stored signing key " + kid + " is unreadable", e);
            }
        }
    }
}
