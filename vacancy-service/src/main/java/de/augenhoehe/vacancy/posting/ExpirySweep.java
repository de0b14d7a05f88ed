package de.augenhoehe.vacancy.posting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.augenhoehe.vacancy.posting.Postings.Posting;

/**
 * Postings past their valid-through (Europe/Berlin date) become EXPIRED, each exactly once with one {@code closed}
 * event, also with several instances sweeping at the same time: rows are claimed with {@code FOR UPDATE SKIP LOCKED}
 * and changed only while still PUBLISHED, and the events are written in the same transaction.
 * Interval: {@code augenhoehe.vacancy.expiry.interval} (default 5 minutes); off with {@code …expiry.enabled=false}.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "augenhoehe.vacancy.expiry.enabled", havingValue = "true", matchIfMissing = true)
class ExpirySweep {

    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final PostingStore store;
    private final PostingEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ExpirySweep(PostingStore store, PostingEvents events, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${augenhoehe.vacancy.expiry.initial-delay:PT20S}",
            fixedDelayString = "${augenhoehe.vacancy.expiry.interval:PT5M}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Expiry sweep failed; next interval retries: {}", e.toString());
        }
    }

    /** @return how many postings this call expired */
    int sweep() {
        int total = 0;
        while (true) {
            Integer n = tx.execute(s -> chunk(PostingRules.today(clock), clock.instant()));
            total += n;
            if (n < CHUNK) {
                break;
            }
        }
        if (total > 0) {
            log.info("Expired {} postings past their valid-through", total);
        }
        return total;
    }

    private int chunk(LocalDate today, Instant now) {
        List<Posting> expired = store.expireDue(today, now, CHUNK);
        Map<UUID, List<UUID>> networks = new HashMap<>();
        for (Posting p : expired) {
            PostingEvents.closed(p, networks.computeIfAbsent(p.employerId(), events::networks), now).ifPresent(events::publish);
        }
        return expired.size();
    }
}
