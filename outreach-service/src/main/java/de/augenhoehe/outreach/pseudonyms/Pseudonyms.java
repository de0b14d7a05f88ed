package de.augenhoehe.outreach.pseudonyms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * Keyed hashes (HMAC-SHA256) that recognise an address or a visitor again without storing it: for the mail limit
 * of the sign-up and for counting a cookie-less scan once per visitor. The key is random per installation, made by
 * the first instance that starts and kept in the database, so every instance computes the same pseudonyms; it is
 * never configured, so no default key exists. The pseudonyms live only as long as their window (minutes to a day)
 * in the same database that holds the addresses themselves while a person is signed up.
 */
@FeatureApi
@Component
public class Pseudonyms {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private volatile SecretKeySpec key;

    Pseudonyms(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // the key is made in a transaction of its own: a caller's rollback must not take a key that is in use
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The pseudonym of the parts (each length-prefixed, so no two different lists hash alike). */
    public byte[] of(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            for (String part : parts) {
                byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 64-bit number of a pseudonym, e.g. for a PostgreSQL advisory lock. */
    public static long number(byte[] pseudonym) {
        return ByteBuffer.wrap(pseudonym).getLong();
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            byte[] stored = own.execute(status -> {
                jdbc.update("insert into pseudonym_key (id, secret) values (1, ?) on conflict (id) do nothing", (Object) fresh);
                return jdbc.queryForObject("select secret from pseudonym_key where id = 1", byte[].class);
            });
            k = new SecretKeySpec(stored, "HmacSHA256");
            key = k;
        }
        return k;
    }
}
