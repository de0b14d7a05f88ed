package de.augenhoehe.partner.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes authorizations whose code and tokens have all expired (an unredeemed code after its 5 minutes, a redeemed
 * one with its tokens). Safe with several instances: rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two
 * instances sweeping at once delete disjoint chunks and never wait for each other. A deleted code is simply unknown:
 * redeeming it fails with {@code invalid_grant} as an expired one would.
 */
class AuthorizationCleanup {

    static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(AuthorizationCleanup.class);

    private final JdbcTemplate jdbc;

    AuthorizationCleanup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelayString = "${augenhoehe.identity.authorization-cleanup.initial-delay:PT1M}",
            fixedDelayString = "${augenhoehe.identity.authorization-cleanup.interval:PT10M}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Cleanup of expired authorizations failed; the next interval retries: {}", e.toString());
        }
    }

    /** @return how many expired authorizations this call deleted */
    int sweep() {
        int total = 0;
        int n;
        do {
            n = jdbc.update("""
                    delete from oauth2_authorization where id in (
                        select id from oauth2_authorization where expires_at < now() order by expires_at limit ?
                        for update skip locked)""", CHUNK);
            total += n;
        } while (n == CHUNK);
        if (total > 0) {
            log.info("Deleted {} expired authorizations", total);
        }
        return total;
    }
}
