package de.augenhoehe.vacancy.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * Read access to postings for other features (search, JSON-LD, integration). Only {@link Status#PUBLISHED} postings
 * are public; {@link #findPublished} is what an anonymous reader may see.
 */
@FeatureApi
public interface Postings {

    enum Type {
        JOB, APPRENTICESHIP, DUAL_STUDY, INTERNSHIP, PROJECT_DAY, WORKING_STUDENT
    }

    enum Status {
        DRAFT, PUBLISHED, FILLED, EXPIRED, WITHDRAWN
    }

    enum WorkingTime {
        FULL_TIME, PART_TIME, MINI_JOB
    }

    enum GermanLevel {
        A1, A2, B1, B2, C1, C2
    }

    /** The formal qualification asked for (Schulabschluss, Berufsausbildung, Meister/Techniker, Studium). */
    enum QualificationLevel {
        NONE, SCHOOL, VOCATIONAL, ADVANCED_VOCATIONAL, ACADEMIC
    }

    enum SalaryPeriod {
        HOUR, MONTH, YEAR
    }

    enum CloseReason {
        FILLED, EXPIRED, WITHDRAWN
    }

    /**
     * A posting as stored (one row of {@code posting}). {@code place}/{@code postalCode}/{@code kreis} may be null when
     * the company gave coordinates only; {@code closeReason}, {@code closedAt} are set once closed.
     */
    record Posting(UUID id, UUID employerId, String externalId, Type type, Status status, String title, String description,
            String kldb, String occupationGroup, String postalCode, String place, String kreis, double latitude, double longitude,
            WorkingTime workingTime, int remoteShare, boolean fixedTerm, LocalDate startDate, LocalDate endDate,
            LocalDate validThrough, int openings, QualificationLevel qualificationLevel, GermanLevel germanLevel, boolean foreignQualificationsWelcome,
            String drivingLicence, BigDecimal salaryMin, BigDecimal salaryMax, SalaryPeriod salaryPeriod,
            String applicationUrl, String applicationEmail, boolean temporaryAgency, long version,
            Instant createdAt, Instant updatedAt, Instant publishedAt, Instant closedAt, CloseReason closeReason,
            String closeDetail) {
    }

    /** Any posting by id, whatever its status (callers check rights/visibility). */
    Optional<Posting> find(UUID id);

    /** The posting if it is {@link Status#PUBLISHED}: what anyone may read. */
    default Optional<Posting> findPublished(UUID id) {
        return find(id).filter(p -> p.status() == Status.PUBLISHED);
    }
}
