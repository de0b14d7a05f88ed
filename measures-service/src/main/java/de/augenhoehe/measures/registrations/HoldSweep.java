package de.augenhoehe.measures.registrations;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases anonymous registrations that were not confirmed from their mail before {@code hold_until} and promotes the
 * waiting list, each exactly once, also with several instances sweeping at the same time: a measure is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (as vacancy-service's expiry claims postings) and its holds are read again under
 * that lock, with the events in the same transaction. One transaction per measure: a busy measure waits for the next
 * sweep instead of blocking the others. Interval {@code augenhoehe.measures.registrations.hold-sweep.interval}
 * (default 1 minute); off with {@code …hold-sweep.enabled=false}.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "augenhoehe.measures.registrations.hold-sweep.enabled", havingValue = "true", matchIfMissing = true)
class HoldSweep {

    static final int MEASURES_PER_ROUND = 100;
    private static final Logger log = LoggerFactory.getLogger(HoldSweep.class);

    private final Registrations registrations;
    private final TransactionTemplate tx;

    HoldSweep(Registrations registrations, TransactionTemplate tx) {
        this.registrations = registrations;
        this.tx = tx;
    }

    @Scheduled(initialDelayString = "${augenhoehe.measures.registrations.hold-sweep.initial-delay:PT30S}",
            fixedDelayString = "${augenhoehe.measures.registrations.hold-sweep.interval:PT1M}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Hold sweep failed; the next interval retries: {}", e.toString());
        }
    }

    /** @return how many registrations this call released */
    int sweep() {
        Instant now = Instant.now();
        int released = 0;
        for (UUID measure : registrations.measuresWithExpiredHolds(now, MEASURES_PER_ROUND)) {
            released += tx.execute(s -> registrations.releaseExpired(measure, now));
        }
        if (released > 0) {
            log.info("Released {} registration(s) not confirmed in time", released);
        }
        return released;
    }
}
