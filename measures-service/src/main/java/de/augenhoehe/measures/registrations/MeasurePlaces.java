package de.augenhoehe.measures.registrations;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * What management may ask of the registrations after it changed a measure's capacity or opened it: bring the places
 * in line (promote from the waiting list, OPEN ↔ FULL) under the measure's row lock, in the caller's transaction.
 */
@FeatureApi
@Component
public class MeasurePlaces {

    private final JdbcTemplate jdbc;
    private final WaitingList waitingList;

    MeasurePlaces(JdbcTemplate jdbc, WaitingList waitingList) {
        this.jdbc = jdbc;
        this.waitingList = waitingList;
    }

    /** Must run inside a transaction; takes (or re-enters) the measure's row lock. */
    public void reconcile(UUID measureId) {
        LockedMeasure measure = LockedMeasure.lock(jdbc, measureId);
        waitingList.promote(measure, measure.confirmedPlaces(), Instant.now());
    }
}
