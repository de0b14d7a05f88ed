package de.augenhoehe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Infrastructure;

/**
 * After a large backlog the relay has the outbox analyzed once it has caught up (issue #21, experiment j: until the
 * first analyze after a million-row backlog its statements lagged seconds behind the service's new events for 70 –
 * 80 s). Both tests stay under autovacuum's own analyze threshold (50 changed rows), so only the relay can analyze.
 */
class OutboxAnalyzeIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void a_backlog_of_the_threshold_or_more_is_followed_by_an_analyze() {
        OutboxFixture outbox = OutboxFixture.onNewTopic("analyze");
        assertThat(outbox.plannerRows()).as("a new outbox has no statistics").isEqualTo(-1);
        relayBacklog(outbox, 40, 30, () -> Eventually.await("the outbox analyzed", WAIT, () -> outbox.plannerRows() == 40));
    }

    @Test
    void a_smaller_backlog_is_not() {
        OutboxFixture outbox = OutboxFixture.onNewTopic("no-analyze");
        relayBacklog(outbox, 20, 30, () -> {
            sleep(500); // passes after the backlog: the relay has caught up and would analyze now
            assertThat(outbox.plannerRows()).as("20 rows relayed, threshold 30: no analyze").isEqualTo(-1);
        });
    }

    /** Writes a backlog, relays it with the threshold, and checks once it is relayed while the relay still runs. */
    private static void relayBacklog(OutboxFixture outbox, int events, long analyzeAfter, Runnable then) {
        for (int i = 0; i < events; i++) {
            outbox.publish("key-" + (i % 4), i);
        }
        OutboxRelay relay = relay(outbox, analyzeAfter);
        relay.start();
        try {
            Eventually.await("the backlog relayed", WAIT, () -> outbox.pending() == 0);
            then.run();
        } finally {
            relay.stop();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static OutboxRelay relay(OutboxFixture outbox, long analyzeAfter) {
        return outbox.relay(Infrastructure.get().kafkaBootstrapServers(), 10, settings -> settings.setAnalyzeAfter(analyzeAfter));
    }
}
