package de.augenhoehe.outreach.returnees;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;


/**
 * Art. 17: a returnee's personal data is anonymised — names, contact data, free text, the secret-link hashes,
 * consents and the record of mails go; matches and other holders' data are purged — while the row stays as an
 * aggregate count (network, campaign, batch, occupation group, the funnel's timestamps). Other services learn it
 * from {@code person-erased.v1} and drop their references. Retention erases unconfirmed sign-ups after 30 days and
 * confirmed profiles without activity after a configurable period.
 */
@Component
class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    enum Reason { REQUEST, UNCONFIRMED, INACTIVE }

    /** A mailbox this service keeps itself (the local SMTP server of demo runs): the person's mails go with them. */
    interface LocalMailbox {
        void forget(String address);
    }

    private final JdbcTemplate jdbc;
    private final ReturneeEvents events;
    private final List<Returnees.PersonalDataHolder> holders;
    private final ObjectProvider<LocalMailbox> mailboxes;
    private final Duration unconfirmed;
    private final Duration inactive;

    Erasure(JdbcTemplate jdbc, ReturneeEvents events, List<Returnees.PersonalDataHolder> holders,
            ObjectProvider<LocalMailbox> mailboxes, @Value("${augenhoehe.outreach.retention.unconfirmed:P30D}") Duration unconfirmed,
            @Value("${augenhoehe.outreach.retention.inactive:P730D}") Duration inactive) {
        this.jdbc = jdbc;
        this.events = events;
        this.holders = holders;
        this.mailboxes = mailboxes;
        this.unconfirmed = unconfirmed;
        this.inactive = inactive;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void erase(UUID id, Reason reason) {
        forgetMailsAfterCommit(jdbc.queryForList("select email from returnee where id = ? and email is not null",
                String.class, id));
        holders.forEach(h -> h.erase(id));
        jdbc.update("delete from consent where returnee_id = ?", id);
        jdbc.update("delete from mail_sent where returnee_id = ?", id);
        jdbc.update("""
                update returnee set status = 'ERASED', first_name = null, last_name = null, email = null, phone = null,
                    current_place = null, return_postal_code = null, qualification = null, occupation = null,
                    earliest_return = null, interests = '{}', confirmation_hash = null, confirmation_expires = null,
                    management_hash = null, erased_at = now(), erasure_reason = ? where id = ?""", reason.name(), id);
        events.erased(id);
        log.info("Returnee {} erased ({})", id, reason);
    }

    /** A pending sign-up replaced by a new one of the same address: it goes entirely, as if it never was. */
    @Transactional(propagation = Propagation.MANDATORY)
    void replacePending(UUID id) {
        holders.forEach(h -> h.erase(id));
        jdbc.update("delete from consent where returnee_id = ?", id);
        jdbc.update("delete from mail_sent where returnee_id = ?", id);
        jdbc.update("delete from returnee where id = ?", id);
        events.erased(id);
    }

    /** Only once the erasure is committed: a rolled-back erasure keeps the person, and so their mails. */
    private void forgetMailsAfterCommit(List<String> addresses) {
        if (addresses.isEmpty() || mailboxes.getIfAvailable() == null) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                mailboxes.orderedStream().forEach(m -> addresses.forEach(m::forget));
            }
        });
    }

    /** The retention rules; rows are taken with SKIP LOCKED, so several instances share the work. */
    @Scheduled(cron = "${augenhoehe.outreach.retention.cron:0 17 3 * * *}")
    @Transactional
    public int applyRetention() {
        List<UUID> pending = jdbc.queryForList("select id from returnee where status = 'PENDING' and signed_up_at < ? "
                + "order by signed_up_at limit 1000 for update skip locked", UUID.class,
                Timestamp.from(Instant.now().minus(unconfirmed)));
        pending.forEach(id -> erase(id, Reason.UNCONFIRMED));
        List<UUID> idle = jdbc.queryForList("select id from returnee where status = 'CONFIRMED' and last_activity_at < ? "
                + "order by last_activity_at limit 1000 for update skip locked", UUID.class,
                Timestamp.from(Instant.now().minus(inactive)));
        idle.forEach(id -> erase(id, Reason.INACTIVE));
        return pending.size() + idle.size();
    }
}
