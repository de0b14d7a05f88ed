package de.augenhoehe.chaos;

import java.util.List;
import java.util.Map;

/**
 * What the sources hold for the suite's postings at one moment, each reduced to the write step it shows (the step is
 * carried in {@code openings} and {@code validThrough}, see {@link Ledger.Content}). Keys: the vacancy database by
 * external id, everything downstream by posting id (the event key).
 *
 * @param database   vacancy-service's {@code posting} rows
 * @param topic      the events of vacancy-events per posting, in offset order (redeliveries included)
 * @param monitor    measures-service's {@code monitor_vacancy}: step and its count of applied events
 * @param matching   outreach-service's {@code vacancy}: the step its {@code valid_through} shows
 * @param ledger     partner-service's {@code ledger_entry}: entries per source event id
 * @param readable   false when a source could not be read this time (a server away): nothing from it counts yet
 */
record Observed(Map<String, Row> database, Map<String, List<Event>> topic, Map<String, Applied> monitor,
        Map<String, Integer> matching, Map<String, Integer> ledger, Map<String, Boolean> readable) {

    record Row(String postingId, long version, int step) {
    }

    record Event(String eventId, String type, int step) {
    }

    record Applied(int step, int events) {
    }
}
