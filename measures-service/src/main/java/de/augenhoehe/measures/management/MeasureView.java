package de.augenhoehe.measures.management;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A measure as the catalogue shows it (public: organisations, places and dates, never a participant). */
record MeasureView(UUID id, UUID networkId, UUID hostPartnerId, List<UUID> coOrganiserIds, String title, String description,
        String type, List<String> targetGroups, String delivery, String foldedInto, List<Session> sessions, Integer capacity,
        int confirmedPlaces, Integer freePlaces, Instant registrationOpensAt, Instant registrationClosesAt, BigDecimal costEur,
        String funding, String language, List<String> occupationGroups, List<String> kreise, String status, String statusReason,
        long version) {

    /** Named apart from the request's session: both are "Session" in Java, the OpenAPI document needs two names. */
    @Schema(name = "MeasureSession")
    record Session(UUID id, LocalDate date, LocalTime startTime, LocalTime endTime, String postalCode, String kreis,
            String place, Integer capacity) {
    }
}
