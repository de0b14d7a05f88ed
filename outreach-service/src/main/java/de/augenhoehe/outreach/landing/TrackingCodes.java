package de.augenhoehe.outreach.landing;

import java.security.SecureRandom;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * The one way other features get a tracking code: landing owns the {@code tracking_code} table, its alphabet and
 * the counting of scans; a campaign only asks for a fresh code for one of its batches.
 */
@FeatureApi
@Component
public class TrackingCodes {

    /** Crockford base 32: digits and letters without I, L, O, U. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 8;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    TrackingCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a new, unguessable code (40 random bits) for a batch, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(UUID campaignId, UUID batchId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String code = random();
            int inserted = jdbc.update("insert into tracking_code (code, campaign_id, batch_id) values (?, ?, ?) "
                    + "on conflict (code) do nothing", code, campaignId, batchId);
            if (inserted == 1) {
                return code;
            }
        }
        throw new DuplicateKeyException("no free tracking code after 10 attempts");
    }

    String random() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
