package de.augenhoehe.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code augenhoehe.events.*}: the event backbone of one service. */
@ConfigurationProperties("augenhoehe.events")
public class EventsProperties {

    /** The topic this service publishes to, e.g. {@code partner-events}; empty for a service that publishes nothing. */
    private String topic = "";
    /** Partitions of the topics this service creates. */
    private int partitions = 6;
    /** Replication factor of the topics this service creates (1 on a single local broker). */
    private short replicationFactor = 1;
    /** Reject an outgoing event whose data does not match its JSON Schema (a missing schema is rejected too). */
    private boolean validateAgainstSchema = true;
    private final Relay relay = new Relay();
    private final Consumer consumer = new Consumer();

    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public int getPartitions() { return partitions; }
    public void setPartitions(int partitions) { this.partitions = partitions; }
    public short getReplicationFactor() { return replicationFactor; }
    public void setReplicationFactor(short replicationFactor) { this.replicationFactor = replicationFactor; }
    public boolean isValidateAgainstSchema() { return validateAgainstSchema; }
    public void setValidateAgainstSchema(boolean v) { this.validateAgainstSchema = v; }
    public Relay getRelay() { return relay; }
    public Consumer getConsumer() { return consumer; }

    public static class Relay {
        private boolean enabled = true;
        /** How long an idle relay waits before it looks again (a local commit wakes it at once). */
        private Duration pollInterval = Duration.ofMillis(250);
        private int batchSize = 500;
        /** How long one batch may wait for the broker's acknowledgements before the relay backs off. */
        private Duration sendTimeout = Duration.ofSeconds(10);
        private Duration maxBackoff = Duration.ofSeconds(5);
        /** How long relayed rows are kept for inspection, from the time they occurred, before they are deleted. */
        private Duration retention = Duration.ofDays(7);
        /**
         * After relaying this many rows since it last did, the relay has PostgreSQL analyze the outbox once it has caught
         * up. Until the first analyze after a large backlog (autovacuum's, up to a minute or more later) the relay's
         * statements kept the plans of a table without statistics, and relaying the service's new events lagged
         * seconds behind for 70 – 80 s after the backlog was gone (issue #21, experiment j). 0: never.
         */
        private long analyzeAfter = 100_000;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public Duration getSendTimeout() { return sendTimeout; }
        public void setSendTimeout(Duration sendTimeout) { this.sendTimeout = sendTimeout; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
        public Duration getRetention() { return retention; }
        public void setRetention(Duration retention) { this.retention = retention; }
        public long getAnalyzeAfter() { return analyzeAfter; }
        public void setAnalyzeAfter(long analyzeAfter) { this.analyzeAfter = analyzeAfter; }
    }

    public static class Consumer {
        private boolean enabled = true;
        private int concurrency = 1;
        /**
         * Wait for the broker's answer to each poll's offset commit before the next poll. Off by default: the offsets
         * are committed asynchronously, so the next poll does not wait for a round trip to the broker (issue #21, step
         * f); a commit lost in a crash or a rebalance only delivers events again whose ids {@code consumed_event}
         * already holds, which change nothing.
         */
        private boolean syncCommits = false;
        /** Retries of a failing event before it is dead-lettered (infrastructure failures are retried without limit). */
        private int maxRetries = 5;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        /** The longest pause between attempts while the database or another part of the infrastructure is away. */
        private Duration infrastructureMaxBackoff = Duration.ofSeconds(30);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public int getConcurrency() { return concurrency; }
        public void setConcurrency(int concurrency) { this.concurrency = concurrency; }
        public boolean isSyncCommits() { return syncCommits; }
        public void setSyncCommits(boolean syncCommits) { this.syncCommits = syncCommits; }
        public int getMaxRetries() { return maxRetries; }
        public void setMaxRetries(int maxRetries) { this.maxRetries = maxRetries; }
        public Duration getInitialBackoff() { return initialBackoff; }
        public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
        public Duration getInfrastructureMaxBackoff() { return infrastructureMaxBackoff; }
        public void setInfrastructureMaxBackoff(Duration infrastructureMaxBackoff) { this.infrastructureMaxBackoff = infrastructureMaxBackoff; }
    }
}
