package de.augenhoehe.outreach.returnees;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.outreach.pseudonyms.Pseudonyms;
import de.augenhoehe.platform.security.KeyedHash;

/**
 * How many mails an anonymous sign-up may cause to one address: at most {@code augenhoehe.outreach.mail.limit.per-address}
 * (default 3) within {@code …limit.window} (default 24 h), over all networks, so nobody can use the sign-up to flood
 * a stranger's mailbox. The address is kept only as its keyed hash and only for the window; the state is in
 * PostgreSQL, so every instance counts alike, and the check is serialised per address (advisory lock).
 */
@Component
class MailLimit {

    private final JdbcTemplate jdbc;
    private final Pseudonyms pseudonyms;
    private final int perAddress;
    private final Duration window;

    MailLimit(JdbcTemplate jdbc, Pseudonyms pseudonyms,
            @Value("${augenhoehe.outreach.mail.limit.per-address:3}") int perAddress,
            @Value("${augenhoehe.outreach.mail.limit.window:PT24H}") Duration window) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.perAddress = perAddress;
        this.window = window;
    }

    /**
     * Takes one mail of the address's allowance; false when it is used up. Counted in the caller's transaction: a
     * sign-up that fails later (mail server down) counts nothing. Holds the address's lock until the transaction
     * ends, so two sign-ups of one address never run side by side.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean take(String address) {
        byte[] hash = pseudonyms.of("sign-up-mail", address.strip().toLowerCase(Locale.ROOT));
        jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?)", Integer.class, KeyedHash.number(hash));
        Integer sent = jdbc.queryForObject("select count(*) from sign_up_mail where address_hash = ? and sent_at > ?",
                Integer.class, hash, Timestamp.from(Instant.now().minus(window)));
        if (sent != null && sent >= perAddress) {
            return false;
        }
        jdbc.update("insert into sign_up_mail (address_hash) values (?)", (Object) hash);
        return true;
    }

    /** The hashes go once their window is over. */
    @Scheduled(fixedDelayString = "${augenhoehe.outreach.mail.limit.purge-interval:PT1H}")
    public void purge() {
        jdbc.update("delete from sign_up_mail where sent_at < ?", Timestamp.from(Instant.now().minus(window)));
    }
}
