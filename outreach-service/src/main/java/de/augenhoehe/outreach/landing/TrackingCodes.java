package de.augenhoehe.outreach.landing;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /** Where a code leads: the campaign, batch and network a sign-up through it is attributed to. */
    public record Attribution(String code, UUID campaignId, UUID batchId, UUID networkId) {
    }

    /** Codes are printed in Crockford base 32: read them the way people type them. */
    public static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
    }

    /** The longest code looked up; a longer one is unknown (404), declared as the parameter's maxLength. */
    public static final int MAX_CODE = 32;

    /** The attribution of a (possibly mistyped) code, or empty for an unknown one. */
    public Optional<Attribution> resolve(String code) {
        if (code == null || code.isBlank() || code.length() > MAX_CODE) {
            return Optional.empty();
        }
        return jdbc.query("select code, campaign_id, batch_id, network_id from tracking_code where code = ?",
                (rs, n) -> new Attribution(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class)), normalise(code)).stream().findFirst();
    }

    /** Issues a new, unguessable code (40 random bits) for a batch, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(UUID campaignId, UUID batchId, UUID networkId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String code = random();
            int inserted = jdbc.update("insert into tracking_code (code, campaign_id, batch_id, network_id) values (?, ?, ?, ?) "
                    + "on conflict (code) do nothing", code, campaignId, batchId, networkId);
            if (inserted == 1) {
                return code;
            }
        }
        throw new DuplicateKeyException("no free tracking code after 10 attempts");
    }

    /** Counted scans per batch of a campaign. */
    public Map<UUID, Long> scansByBatch(UUID campaignId) {
        Map<UUID, Long> scans = new HashMap<>();
        jdbc.query("select batch_id, scans from tracking_code where campaign_id = ? and batch_id is not null",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> scans.put(rs.getObject(1, UUID.class), rs.getLong(2)),
                campaignId);
        return scans;
    }

    String random() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
