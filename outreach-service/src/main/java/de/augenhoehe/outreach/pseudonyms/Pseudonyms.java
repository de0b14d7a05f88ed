package de.augenhoehe.outreach.pseudonyms;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import de.augenhoehe.platform.architecture.FeatureApi;
import de.augenhoehe.platform.security.KeyedHash;

/**
 * Keyed hashes ({@link KeyedHash}, HMAC-SHA256) that recognise an address or a visitor again without storing it: for
 * the mail limit of the sign-up and for counting a cookie-less scan once per visitor. The key is random per
 * installation, made by the first instance that starts and kept in the database, so every instance computes the same
 * pseudonyms; it is never configured, so no default key exists. The pseudonyms live only as long as their window
 * (minutes to a day) in the same database that holds the addresses themselves while a person is signed up.
 */
@FeatureApi
@Component
public class Pseudonyms {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private volatile KeyedHash hash;

    Pseudonyms(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // the key is made in a transaction of its own: a caller's rollback must not take a key that is in use
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The pseudonym of the parts (each length-prefixed, so no two different lists hash alike). */
    public byte[] of(String... parts) {
        return hash().of(parts);
    }

    private KeyedHash hash() {
        KeyedHash h = hash;
        if (h == null) {
            byte[] fresh = KeyedHash.randomKey();
            byte[] stored = own.execute(status -> {
                jdbc.update("insert into pseudonym_key (id, secret) values (1, ?) on conflict (id) do nothing", (Object) fresh);
                return jdbc.queryForObject("select secret from pseudonym_key where id = 1", byte[].class);
            });
            h = new KeyedHash(stored);
            hash = h;
        }
        return h;
    }
}
