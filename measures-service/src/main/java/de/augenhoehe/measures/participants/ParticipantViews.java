package de.augenhoehe.measures.participants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The participants' records as hosts and coordinators see them, and what they send. */
final class ParticipantViews {

    private ParticipantViews() {
    }

    enum Outcome { COMPLETED, DROPPED_OUT, STARTED_APPRENTICESHIP, STARTED_JOB, FURTHER_MEASURE }

    record Attendance(UUID sessionId, LocalDate date, boolean attended) {
    }

    /** One registration with its contact (the host needs it to run the measure), attendance and outcome. */
    record Participant(UUID registrationId, String name, String email, int places, String status, String targetGroup,
            UUID sendingPartnerId, Instant registeredAt, List<Attendance> attendance, String outcome, UUID employerPartnerId,
            boolean erased) {
    }

    /** A participant's own data (Art. 15 GDPR), by cancellation token or on request through the host or coordinator. */
    /** A page of registrations, the catalogue's paging convention ({@code size} at most 100). */
    record Page(List<Participant> items, int page, int size) {
    }

    record Export(UUID registrationId, UUID measureId, String measureTitle, String name, String email, int places, String status,
            String targetGroup, UUID sendingPartnerId, Instant registeredAt, Instant confirmedAt, Instant cancelledAt,
            Instant erasedAt, List<Attendance> attendance, String outcome, UUID employerPartnerId) {
    }

    record CheckIn(@NotNull UUID registrationId, @NotNull Boolean attended) {
    }

    record CheckIns(@NotEmpty @Size(max = 500) List<@NotNull @Valid CheckIn> records) {
    }

    record OutcomeRequest(@NotNull Outcome outcome, UUID employerPartnerId) {
    }

    /** Data of {@code attendance-recorded.v1}: no registration id, no name — a count per target group is all it makes. */
    record AttendanceRecorded(String measureId, String sessionId, String networkId, String targetGroup, boolean attended,
            Instant occurredAt) {
        static final String TYPE = "augenhoehe.measures.attendance-recorded.v1";
    }

    /** Data of {@code outcome-recorded.v1}: the partners concerned (host, sender, employer) and the outcome, no person. */
    record OutcomeRecorded(String measureId, String networkId, String hostPartnerId, String sendingPartnerId,
            String employerPartnerId, String targetGroup, String outcome, Instant occurredAt) {
        static final String TYPE = "augenhoehe.measures.outcome-recorded.v1";
    }
}
